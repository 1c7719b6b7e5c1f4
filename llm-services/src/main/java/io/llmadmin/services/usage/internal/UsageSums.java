package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sums usage per group over {@code [from, to)}: the whole UTC days inside the range from {@code usage_rollup_day}, the
 * whole hours left at its ends from {@code usage_rollup}, the parts of an hour at the very ends from the raw rows
 * ({@link UsageRanges}; so any range is exact, and a month costs a month of daily rows, not of hours or calls). All
 * are read as the same sums plus the latency histogram, added up here, so p95 is the same merge of bucket counts.
 */
final class UsageSums {

    private UsageSums() {}

    /** The sums of one group. */
    static final class Group {
        final String name;
        long calls;
        long tokensIn;
        long tokensOut;
        long tokensCached;
        BigDecimal cost = BigDecimal.ZERO;
        final TreeSet<String> currencies = new TreeSet<>();
        long latencySum;
        long latencyMax;
        final long[] buckets = new long[UsageLatencyBuckets.COUNT];
        final Map<UsageOutcome, Long> byOutcome = new EnumMap<>(UsageOutcome.class);

        Group(String name) {
            this.name = name;
        }

        long averageLatency() {
            return calls == 0 ? 0 : Math.round((double) latencySum / calls);
        }

        UsageGroup toGroup() {
            long errors = byOutcome.entrySet().stream()
                    .filter(e -> !e.getKey().succeeded())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return new UsageGroup(
                    name,
                    calls,
                    tokensIn,
                    tokensOut,
                    tokensCached,
                    cost.stripTrailingZeros(),
                    currencies.isEmpty() ? null : currencies.size() == 1 ? currencies.first() : "MIXED",
                    averageLatency(),
                    UsageLatencyBuckets.quantile(buckets, 0.95, latencyMax),
                    errors,
                    byOutcome.getOrDefault(UsageOutcome.RATE_LIMITED, 0L),
                    byOutcome.getOrDefault(UsageOutcome.BUDGET_REFUSED, 0L));
        }
    }

    /** The groups with calls, ordered by name (no key first). */
    static List<Group> read(EntityManager entityManager, UsageQuery query, UsageQuery.GroupBy groupBy) {
        Map<String, Group> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (UsageRanges.Piece piece :
                UsageRanges.split(query.from(), query.to(), groupBy != UsageQuery.GroupBy.HOUR)) {
            // one query per piece: each an index range on its table's time (an OR of the ends would scan on H2)
            List<?> rows = switch (piece.level()) {
                case DAY -> days(entityManager, query, groupBy, piece.from(), piece.to());
                case HOUR -> hours(entityManager, query, groupBy, piece.from(), piece.to());
                case RAW -> raw(entityManager, query, groupBy, piece.from(), piece.to());
            };
            add(groups, groupBy, rows);
        }
        return new ArrayList<>(groups.values());
    }

    private static List<?> hours(
            EntityManager entityManager, UsageQuery query, UsageQuery.GroupBy groupBy, Instant from, Instant to) {
        String group = switch (groupBy) {
            case DAY -> "hour_epoch / 24";
            case HOUR -> "hour_epoch";
            default -> groupExpression(groupBy, "hour_start", "gateway_key");
        };
        List<Object> parameters = new ArrayList<>(List.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
        return rollups(entityManager, "usage_rollup", group, "hour_start >= ? AND hour_start < ?", query, parameters);
    }

    /** Whole UTC days from {@code usage_rollup_day}; never asked to group by hour. */
    private static List<?> days(
            EntityManager entityManager, UsageQuery query, UsageQuery.GroupBy groupBy, Instant from, Instant to) {
        String group = groupBy == UsageQuery.GroupBy.DAY ? "day_epoch" : groupExpression(groupBy, null, "gateway_key");
        List<Object> parameters = new ArrayList<>(List.of(
                from.getEpochSecond() / UsageRollups.DAY_SECONDS, to.getEpochSecond() / UsageRollups.DAY_SECONDS));
        return rollups(entityManager, "usage_rollup_day", group, "day_epoch >= ? AND day_epoch < ?", query, parameters);
    }

    private static List<?> rollups(
            EntityManager entityManager,
            String table,
            String group,
            String timeRange,
            UsageQuery query,
            List<Object> parameters) {
        String where = timeRange + filters(query, parameters);
        String buckets = IntStream.range(0, UsageLatencyBuckets.COUNT)
                .mapToObj(i -> "SUM(" + UsageLatencyBuckets.column(i) + ")")
                .collect(Collectors.joining(", "));
        return run(
                entityManager,
                "SELECT " + group + ", outcome, currency, SUM(calls), SUM(tokens_in), SUM(tokens_out), SUM(cost),"
                        + " SUM(latency_sum), MAX(latency_max), SUM(tokens_cached), " + buckets
                        + " FROM " + table + " WHERE " + where
                        + " GROUP BY " + group + ", outcome, currency",
                parameters);
    }

    private static List<?> raw(
            EntityManager entityManager, UsageQuery query, UsageQuery.GroupBy groupBy, Instant from, Instant to) {
        String group = groupExpression(groupBy, "occurred_at", "COALESCE(gateway_key, '')");
        String bucket = UsageLatencyBuckets.sqlOf("latency_ms");
        List<Object> parameters = new ArrayList<>(List.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
        String where = "occurred_at >= ? AND occurred_at < ?" + filters(query, parameters);
        return run(
                entityManager,
                "SELECT " + group + ", outcome, COALESCE(currency, ''), COUNT(*), SUM(tokens_in), SUM(tokens_out),"
                        + " SUM(cost), SUM(latency_ms), MAX(latency_ms), SUM(tokens_cached), " + bucket
                        + " FROM usage_record WHERE "
                        + where + " GROUP BY " + group + ", outcome, COALESCE(currency, ''), " + bucket,
                parameters);
    }

    private static String groupExpression(UsageQuery.GroupBy groupBy, String time, String key) {
        return switch (groupBy) {
            case MODEL -> "model_id";
            case KEY -> key;
            case CALLER -> "caller";
            case DAY -> "FLOOR(EXTRACT(EPOCH FROM " + time + ") / 86400)";
            case HOUR -> "FLOOR(EXTRACT(EPOCH FROM " + time + ") / 3600)";
        };
    }

    /** The filters, the same columns in both tables (a rollup's key is never null, nor is a filter). */
    private static String filters(UsageQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
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

    private static List<?> run(EntityManager entityManager, String sql, List<Object> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /**
     * Adds rows of {@code group, outcome, currency, calls, tokens in, tokens out, cost, latency sum, latency max,
     * cached tokens} and then either every bucket's count (rollups) or the one bucket of the row (raw rows).
     */
    private static void add(Map<String, Group> groups, UsageQuery.GroupBy groupBy, List<?> rows) {
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String name = groupName(groupBy, c[0]);
            Group group = groups.computeIfAbsent(name, Group::new);
            long calls = number(c[3]);
            group.calls += calls;
            group.tokensIn += number(c[4]);
            group.tokensOut += number(c[5]);
            if (c[6] != null) {
                group.cost = group.cost.add(new BigDecimal(c[6].toString()));
            }
            String currency = (String) c[2];
            if (currency != null && !currency.isEmpty()) {
                group.currencies.add(currency);
            }
            group.latencySum += number(c[7]);
            group.latencyMax = Math.max(group.latencyMax, number(c[8]));
            group.tokensCached += number(c[9]);
            group.byOutcome.merge(UsageOutcome.valueOf((String) c[1]), calls, Long::sum);
            if (c.length == 11) {
                group.buckets[(int) number(c[10])] += calls;
            } else {
                for (int i = 0; i < UsageLatencyBuckets.COUNT; i++) {
                    group.buckets[i] += number(c[10 + i]);
                }
            }
        }
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
            case KEY -> value.toString().isEmpty() ? null : value.toString();
            default -> value.toString();
        };
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
