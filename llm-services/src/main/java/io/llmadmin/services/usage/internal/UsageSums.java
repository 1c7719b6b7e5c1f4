package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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

    /** Group names in order, no key (null) first. */
    private static final Comparator<String> NAMES = Comparator.nullsFirst(Comparator.naturalOrder());

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

        /**
         * Adds a row of {@code group, outcome, currency, calls, tokens in, tokens out, cost, latency sum, latency max,
         * cached tokens} and then either every bucket's count (rollups) or the one bucket of the row (raw rows).
         */
        void add(Object[] c) {
            long rowCalls = number(c[3]);
            calls += rowCalls;
            tokensIn += number(c[4]);
            tokensOut += number(c[5]);
            if (c[6] != null) {
                cost = cost.add(new BigDecimal(c[6].toString()));
            }
            String currency = (String) c[2];
            if (currency != null && !currency.isEmpty()) {
                currencies.add(currency);
            }
            latencySum += number(c[7]);
            latencyMax = Math.max(latencyMax, number(c[8]));
            tokensCached += number(c[9]);
            byOutcome.merge(UsageOutcome.valueOf((String) c[1]), rowCalls, Long::sum);
            if (c.length == 11) {
                buckets[(int) number(c[10])] += rowCalls;
            } else {
                for (int i = 0; i < UsageLatencyBuckets.COUNT; i++) {
                    buckets[i] += number(c[10 + i]);
                }
            }
        }

        /** Adds another group's sums: the same as having read both groups' rows as one (p95 from the merged buckets). */
        void add(Group other) {
            calls += other.calls;
            tokensIn += other.tokensIn;
            tokensOut += other.tokensOut;
            tokensCached += other.tokensCached;
            cost = cost.add(other.cost);
            currencies.addAll(other.currencies);
            latencySum += other.latencySum;
            latencyMax = Math.max(latencyMax, other.latencyMax);
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += other.buckets[i];
            }
            other.byOutcome.forEach((outcome, count) -> byOutcome.merge(outcome, count, Long::sum));
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
        Map<String, Group> groups = new TreeMap<>(NAMES);
        read(
                entityManager,
                query,
                List.of(groupBy),
                null,
                (names, row) -> groups.computeIfAbsent(names.get(0), Group::new).add(row));
        return new ArrayList<>(groups.values());
    }

    /**
     * The groups with calls per UTC day and per {@code series} (model or key) in one read: per series name (no key
     * first), its days by their start (ISO-8601, as {@link #read} names them).
     *
     * @param only the only series to read (the stacked charts' few); null for all
     */
    static Map<String, Map<String, Group>> readPerDay(
            EntityManager entityManager, UsageQuery query, UsageQuery.GroupBy series, Collection<String> only) {
        Map<String, Map<String, Group>> groups = new TreeMap<>(NAMES);
        read(
                entityManager,
                query,
                List.of(series, UsageQuery.GroupBy.DAY),
                only,
                (names, row) -> groups.computeIfAbsent(names.get(0), name -> new TreeMap<>())
                        .computeIfAbsent(names.get(1), Group::new)
                        .add(row));
        return groups;
    }

    /**
     * How many calls match: the same pieces as the sums, each counted from its level, so a month counts a month of
     * daily rows, not a million raw ones. Exact as long as every raw row is in the rollups (the writer adds both in
     * one transaction) and every rollup's calls still have their raw rows: the retention deletes the raw rows before a
     * moment and keeps the rollups, so the count starts at the oldest raw row kept.
     */
    static long count(EntityManager entityManager, UsageQuery query) {
        OffsetDateTime oldest = entityManager
                .createQuery("SELECT MIN(u.occurredAt) FROM UsageRecord u", OffsetDateTime.class)
                .getSingleResult();
        if (oldest == null) {
            return 0;
        }
        Instant from = query.from().isBefore(oldest.toInstant()) ? oldest.toInstant() : query.from();
        long count = 0;
        for (UsageRanges.Piece piece :
                from.isBefore(query.to()) ? UsageRanges.split(from, query.to(), true) : List.<UsageRanges.Piece>of()) {
            List<Object> parameters = new ArrayList<>();
            String where = timeRange(piece, parameters) + filters(query, parameters);
            String sql = "SELECT " + (piece.level() == UsageRanges.Level.RAW ? "COUNT(*)" : "SUM(calls)") + " FROM "
                    + table(piece.level()) + " WHERE " + where;
            count += number(run(entityManager, sql, parameters).get(0));
        }
        return count;
    }

    /** What to do with one row of sums: its group names (one per grouping, in order) and the row. */
    private interface RowSink {
        void accept(List<String> names, Object[] row);
    }

    private static void read(
            EntityManager entityManager,
            UsageQuery query,
            List<UsageQuery.GroupBy> groupings,
            Collection<String> only,
            RowSink sink) {
        boolean days = !groupings.contains(UsageQuery.GroupBy.HOUR);
        for (UsageRanges.Piece piece : UsageRanges.split(query.from(), query.to(), days)) {
            // one query per piece: each an index range on its table's time (an OR of the ends would scan on H2)
            String group = groupings.stream()
                    .map(groupBy -> expression(groupBy, piece.level()))
                    .collect(Collectors.joining(", "));
            List<Object> parameters = new ArrayList<>();
            String where = timeRange(piece, parameters)
                    + filters(query, parameters)
                    + only(groupings.get(0), only, parameters);
            List<?> rows = piece.level() == UsageRanges.Level.RAW
                    ? raw(entityManager, group, where, parameters)
                    : rollups(entityManager, table(piece.level()), group, where, parameters);
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                List<String> names = new ArrayList<>(groupings.size());
                for (int i = 0; i < groupings.size(); i++) {
                    names.add(groupName(groupings.get(i), columns[i]));
                }
                // the sums after one group column, the layout Group.add reads
                sink.accept(names, Arrays.copyOfRange(columns, groupings.size() - 1, columns.length));
            }
        }
    }

    private static String table(UsageRanges.Level level) {
        return switch (level) {
            case DAY -> "usage_rollup_day";
            case HOUR -> "usage_rollup";
            case RAW -> "usage_record";
        };
    }

    /** The piece's range on its table's time column (an index range each); adds its two parameters. */
    private static String timeRange(UsageRanges.Piece piece, List<Object> parameters) {
        if (piece.level() == UsageRanges.Level.DAY) {
            parameters.add(piece.from().getEpochSecond() / UsageRollups.DAY_SECONDS);
            parameters.add(piece.to().getEpochSecond() / UsageRollups.DAY_SECONDS);
            return "day_epoch >= ? AND day_epoch < ?";
        }
        parameters.add(timestamp(piece.from()));
        parameters.add(timestamp(piece.to()));
        return piece.level() == UsageRanges.Level.HOUR
                ? "hour_start >= ? AND hour_start < ?"
                : "occurred_at >= ? AND occurred_at < ?";
    }

    /** A grouping's expression on the table a piece is read from. */
    private static String expression(UsageQuery.GroupBy groupBy, UsageRanges.Level level) {
        return switch (groupBy) {
            case MODEL -> "model_id";
            case KEY -> level == UsageRanges.Level.RAW ? "COALESCE(gateway_key, '')" : "gateway_key";
            case CALLER -> "caller";
            case DAY ->
                switch (level) {
                    case DAY -> "day_epoch";
                    case HOUR -> "hour_epoch / 24";
                    case RAW -> "FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400)";
                };
            // grouping by hour never reads whole days
            case HOUR ->
                level == UsageRanges.Level.RAW ? "FLOOR(EXTRACT(EPOCH FROM occurred_at) / 3600)" : "hour_epoch";
        };
    }

    /** Narrows the read to some models or keys (never "no key": the stacked charts draw that as "other"). */
    private static String only(UsageQuery.GroupBy series, Collection<String> only, List<Object> parameters) {
        if (only == null) {
            return "";
        }
        if (only.isEmpty()) {
            return " AND 1 = 0";
        }
        if (series == UsageQuery.GroupBy.DAY || series == UsageQuery.GroupBy.HOUR) {
            throw new IllegalArgumentException("only models, keys or callers can be narrowed to");
        }
        // the rollups' column, which is also the raw table's (no key is never asked for)
        String column = expression(series, UsageRanges.Level.HOUR);
        parameters.addAll(only);
        return " AND " + column + " IN (" + String.join(", ", Collections.nCopies(only.size(), "?")) + ")";
    }

    private static List<?> rollups(
            EntityManager entityManager, String table, String group, String where, List<Object> parameters) {
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

    private static List<?> raw(EntityManager entityManager, String group, String where, List<Object> parameters) {
        String bucket = UsageLatencyBuckets.sqlOf("latency_ms");
        return run(
                entityManager,
                "SELECT " + group + ", outcome, COALESCE(currency, ''), COUNT(*), SUM(tokens_in), SUM(tokens_out),"
                        + " SUM(cost), SUM(latency_ms), MAX(latency_ms), SUM(tokens_cached), " + bucket
                        + " FROM usage_record WHERE "
                        + where + " GROUP BY " + group + ", outcome, COALESCE(currency, ''), " + bucket,
                parameters);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
