package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsagePayload;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageByDay;
import io.llmadmin.services.usage.UsageCall;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads usage from the database: the sums from the daily {@code usage_rollup_day} and hourly {@code usage_rollup} and
 * the raw rows at the range's ends ({@link UsageSums}; native SQL that runs on PostgreSQL and H2 alike), the request
 * log's pages from {@code usage_record} and its count from the same rollups as the sums.
 */
@ApplicationScoped
public class JpaUsageReports implements UsageReports {

    private final EntityManager entityManager;

    @Inject
    public JpaUsageReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaUsageReports() {
        this(null);
    }

    @Override
    public List<ModelUsage> totalsPerModel(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to must both be given");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        UsageQuery all = new UsageQuery(from, to, null, null, null, null);
        return UsageSums.read(entityManager, all, UsageQuery.GroupBy.MODEL).stream()
                .map(group -> new ModelUsage(
                        group.name,
                        group.calls,
                        group.tokensIn,
                        group.tokensOut,
                        group.calls == 0 ? 0 : group.latencySum / group.calls,
                        group.byOutcome))
                .toList();
    }

    @Override
    public List<UsageGroup> summary(UsageQuery query, UsageQuery.GroupBy groupBy) {
        return UsageSums.read(entityManager, query, groupBy).stream()
                .map(UsageSums.Group::toGroup)
                .toList();
    }

    @Override
    public UsageByDay summaryPerDay(UsageQuery query, UsageQuery.GroupBy series, Collection<String> only) {
        if (series == UsageQuery.GroupBy.DAY || series == UsageQuery.GroupBy.HOUR) {
            throw new IllegalArgumentException("series must be model, key or caller");
        }
        return new SeriesPerDay(UsageSums.readPerDay(entityManager, query, series, only));
    }

    @Override
    public long countCalls(UsageQuery query) {
        return UsageSums.count(entityManager, query);
    }

    @Override
    public List<UsageCall> listCalls(UsageQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to 500");
        }
        StringBuilder where = new StringBuilder("u.occurredAt >= :from AND u.occurredAt < :to");
        if (query.modelId() != null) {
            where.append(" AND u.modelId = :model");
        }
        if (query.gatewayKey() != null) {
            where.append(" AND u.gatewayKey = :key");
        }
        if (query.caller() != null) {
            where.append(" AND u.caller = :caller");
        }
        if (query.outcome() != null) {
            where.append(" AND u.outcome = :outcome");
        }
        TypedQuery<UsageRecord> rows = entityManager.createQuery(
                "SELECT u FROM UsageRecord u WHERE " + where + " ORDER BY u.occurredAt DESC, u.id DESC",
                UsageRecord.class);
        rows.setParameter("from", query.from().atOffset(ZoneOffset.UTC));
        rows.setParameter("to", query.to().atOffset(ZoneOffset.UTC));
        if (query.modelId() != null) {
            rows.setParameter("model", query.modelId());
        }
        if (query.gatewayKey() != null) {
            rows.setParameter("key", query.gatewayKey());
        }
        if (query.caller() != null) {
            rows.setParameter("caller", query.caller());
        }
        if (query.outcome() != null) {
            rows.setParameter("outcome", query.outcome());
        }
        List<UsageRecord> found =
                rows.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<Long, UsagePayload> payloads = payloadsOf(found);
        return found.stream().map(row -> call(row, payloads.get(row.id()))).toList();
    }

    /** The payloads kept of these rows, by usage id: one query per page. */
    private Map<Long, UsagePayload> payloadsOf(List<UsageRecord> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return entityManager
                .createQuery("SELECT p FROM UsagePayload p WHERE p.usageId IN :ids", UsagePayload.class)
                .setParameter("ids", rows.stream().map(UsageRecord::id).toList())
                .getResultList()
                .stream()
                .collect(Collectors.toMap(UsagePayload::usageId, Function.identity()));
    }

    private static UsageCall call(UsageRecord row, UsagePayload payload) {
        return new UsageCall(
                row.id(),
                row.occurredAt().toInstant(),
                row.modelId(),
                row.caller(),
                row.gatewayKey(),
                row.tokensIn(),
                row.tokensOut(),
                row.tokensEstimated(),
                row.latencyMillis(),
                row.outcome(),
                row.cost() == null ? null : row.cost().stripTrailingZeros(),
                row.currency(),
                row.tokensCached(),
                payload == null ? null : payload.prompt(),
                payload == null ? null : payload.completion());
    }
}
