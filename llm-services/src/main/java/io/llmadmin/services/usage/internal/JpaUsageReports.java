package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageCall;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums {@code usage_record} in the database: per model and outcome (JPQL), and per group of a summary in one native
 * SQL query (percentiles and time buckets have no JPQL form; the SQL used runs on PostgreSQL and H2 alike).
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
        List<Object[]> rows = entityManager
                .createQuery(
                        "SELECT u.modelId, u.outcome, COUNT(u), SUM(u.tokensIn), SUM(u.tokensOut), SUM(u.latencyMillis)"
                                + " FROM UsageRecord u WHERE u.occurredAt >= :from AND u.occurredAt < :to"
                                + " GROUP BY u.modelId, u.outcome",
                        Object[].class)
                .setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList();
        Map<String, Totals> byModel = new TreeMap<>();
        for (Object[] row : rows) {
            Totals totals = byModel.computeIfAbsent((String) row[0], id -> new Totals());
            long calls = number(row[2]);
            totals.calls += calls;
            totals.tokensIn += number(row[3]);
            totals.tokensOut += number(row[4]);
            totals.latency += number(row[5]);
            totals.byOutcome.merge((UsageOutcome) row[1], calls, Long::sum);
        }
        List<ModelUsage> usage = new ArrayList<>();
        byModel.forEach((model, totals) -> usage.add(new ModelUsage(
                model,
                totals.calls,
                totals.tokensIn,
                totals.tokensOut,
                totals.calls == 0 ? 0 : totals.latency / totals.calls,
                totals.byOutcome)));
        return usage;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static final class Totals {
        long calls;
        long tokensIn;
        long tokensOut;
        long latency;
        final Map<UsageOutcome, Long> byOutcome = new EnumMap<>(UsageOutcome.class);
    }

    @Override
    public List<UsageGroup> summary(UsageQuery query, UsageQuery.GroupBy groupBy) {
        String group = switch (groupBy) {
            case MODEL -> "model_id";
            case KEY -> "gateway_key";
            case CALLER -> "caller";
            case DAY -> "FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400)";
            case HOUR -> "FLOOR(EXTRACT(EPOCH FROM occurred_at) / 3600)";
        };
        List<Object> parameters = new ArrayList<>();
        String where = nativeWhere(query, parameters);
        Query sql = entityManager.createNativeQuery("SELECT " + group + " AS grp, COUNT(*), SUM(tokens_in),"
                + " SUM(tokens_out), SUM(cost), MIN(currency), MAX(currency), AVG(latency_ms),"
                + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms),"
                + " SUM(CASE WHEN outcome NOT IN ('SUCCESS', 'CACHE_HIT') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'RATE_LIMITED' THEN 1 ELSE 0 END)"
                + " FROM usage_record WHERE " + where + " GROUP BY " + group + " ORDER BY grp");
        for (int i = 0; i < parameters.size(); i++) {
            sql.setParameter(i + 1, parameters.get(i));
        }
        List<UsageGroup> groups = new ArrayList<>();
        for (Object row : sql.getResultList()) {
            Object[] columns = (Object[]) row;
            String minCurrency = (String) columns[5];
            String maxCurrency = (String) columns[6];
            groups.add(new UsageGroup(
                    groupName(groupBy, columns[0]),
                    number(columns[1]),
                    number(columns[2]),
                    number(columns[3]),
                    columns[4] == null ? BigDecimal.ZERO : new BigDecimal(columns[4].toString()).stripTrailingZeros(),
                    minCurrency == null ? null : minCurrency.equals(maxCurrency) ? minCurrency : "MIXED",
                    Math.round(decimal(columns[7])),
                    Math.round(decimal(columns[8])),
                    number(columns[9]),
                    number(columns[10])));
        }
        return groups;
    }

    @Override
    public CallPage calls(UsageQuery query, int page, int size) {
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
        TypedQuery<Long> count =
                entityManager.createQuery("SELECT COUNT(u) FROM UsageRecord u WHERE " + where, Long.class);
        for (TypedQuery<?> typed : List.of(rows, count)) {
            typed.setParameter("from", query.from().atOffset(ZoneOffset.UTC));
            typed.setParameter("to", query.to().atOffset(ZoneOffset.UTC));
            if (query.modelId() != null) {
                typed.setParameter("model", query.modelId());
            }
            if (query.gatewayKey() != null) {
                typed.setParameter("key", query.gatewayKey());
            }
            if (query.caller() != null) {
                typed.setParameter("caller", query.caller());
            }
            if (query.outcome() != null) {
                typed.setParameter("outcome", query.outcome());
            }
        }
        List<UsageCall> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(JpaUsageReports::call)
                .toList();
        return new CallPage(items, count.getSingleResult());
    }

    private static UsageCall call(UsageRecord row) {
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
                row.currency());
    }

    private static String nativeWhere(UsageQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder("occurred_at >= ? AND occurred_at < ?");
        parameters.add(query.from().atOffset(ZoneOffset.UTC));
        parameters.add(query.to().atOffset(ZoneOffset.UTC));
        if (query.modelId() != null) {
            where.append(" AND model_id = ?");
            parameters.add(query.modelId());
        }
        if (query.gatewayKey() != null) {
            where.append(" AND gateway_key = ?");
            parameters.add(query.gatewayKey());
        }
        if (query.caller() != null) {
            where.append(" AND caller = ?");
            parameters.add(query.caller());
        }
        if (query.outcome() != null) {
            where.append(" AND outcome = ?");
            parameters.add(query.outcome().name());
        }
        return where.toString();
    }

    private static String groupName(UsageQuery.GroupBy groupBy, Object value) {
        if (value == null) {
            return null;
        }
        return switch (groupBy) {
            case DAY ->
                Instant.ofEpochSecond(((Number) value).longValue() * 86400).toString();
            case HOUR ->
                Instant.ofEpochSecond(((Number) value).longValue() * 3600).toString();
            default -> value.toString();
        };
    }

    private static double decimal(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
