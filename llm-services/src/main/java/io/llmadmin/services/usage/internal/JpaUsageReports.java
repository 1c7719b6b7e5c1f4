package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums {@code usage_record} per model and outcome in the database, and per model here. */
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
}
