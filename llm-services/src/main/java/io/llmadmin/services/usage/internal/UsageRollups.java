package io.llmadmin.services.usage.internal;

import io.llmadmin.services.usage.UsageEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Adds a batch of calls to {@code usage_rollup} (per hour) and {@code usage_rollup_day} (per UTC day), in the caller's
 * transaction (the one that writes the raw rows, so a rollup never counts a row that was not written, nor misses one
 * that was). The batch is first summed per rollup row in memory, then each row is merged in one statement (standard {@code MERGE}, which H2 and PostgreSQL 15 both run),
 * in key order, so that two instances writing at once lock rows in the same order and do not deadlock. Two instances
 * creating the same row at the same moment: one transaction fails on the primary key, and the recorder writes that
 * batch again (then the row exists).
 */
final class UsageRollups {

    /** What stands for "no gateway key" and "no price" in the rollup's key (NULL would not match). */
    static final String NONE = "";

    /** The length of a day of {@code usage_rollup_day}: UTC days, no leap seconds, as {@link Instant} counts. */
    static final long DAY_SECONDS = 86_400;

    private static final String KEY_COLUMNS = "model_id, gateway_key, caller, outcome, currency";
    private static final String SUM_COLUMNS = "calls, tokens_in, tokens_out, tokens_cached, cost, latency_sum";
    private static final String HOUR_MERGE = merge(
            "usage_rollup",
            "CAST(? AS TIMESTAMP WITH TIME ZONE) AS hour_start, CAST(? AS BIGINT) AS hour_epoch",
            "t.hour_start = s.hour_start",
            "hour_start, hour_epoch");
    private static final String DAY_MERGE =
            merge("usage_rollup_day", "CAST(? AS BIGINT) AS day_epoch", "t.day_epoch = s.day_epoch", "day_epoch");

    private UsageRollups() {}

    /**
     * The MERGE of one sum into {@code table}: its time columns first (selected by {@code timeSelect}, matched by
     * {@code timeMatch}, inserted as {@code timeColumns}), then the key, the sums, the maximum and the buckets.
     */
    private static String merge(String table, String timeSelect, String timeMatch, String timeColumns) {
        String inserted =
                timeColumns + ", " + KEY_COLUMNS + ", " + SUM_COLUMNS + ", latency_max, " + UsageLatencyBuckets.COLUMNS;
        return "MERGE INTO " + table + " t USING (SELECT " + timeSelect + ","
                + " CAST(? AS VARCHAR(100)) AS model_id,"
                + " CAST(? AS VARCHAR(100)) AS gateway_key, CAST(? AS VARCHAR(200)) AS caller,"
                + " CAST(? AS VARCHAR(30)) AS outcome, CAST(? AS VARCHAR(3)) AS currency, CAST(? AS BIGINT) AS calls,"
                + " CAST(? AS BIGINT) AS tokens_in, CAST(? AS BIGINT) AS tokens_out, CAST(? AS BIGINT) AS tokens_cached,"
                + " CAST(? AS DECIMAL(30,12)) AS cost,"
                + " CAST(? AS BIGINT) AS latency_sum, CAST(? AS BIGINT) AS latency_max, "
                + IntStream.range(0, UsageLatencyBuckets.COUNT)
                        .mapToObj(i -> "CAST(? AS BIGINT) AS " + UsageLatencyBuckets.column(i))
                        .collect(Collectors.joining(", "))
                + ") s ON (" + timeMatch + " AND t.model_id = s.model_id AND t.gateway_key = s.gateway_key"
                + " AND t.caller = s.caller AND t.outcome = s.outcome AND t.currency = s.currency)"
                + " WHEN MATCHED THEN UPDATE SET "
                + List.of(SUM_COLUMNS.split(", ")).stream()
                        .map(c -> c + " = t." + c + " + s." + c)
                        .collect(Collectors.joining(", "))
                + ", latency_max = GREATEST(t.latency_max, s.latency_max), "
                + IntStream.range(0, UsageLatencyBuckets.COUNT)
                        .mapToObj(UsageLatencyBuckets::column)
                        .map(c -> c + " = t." + c + " + s." + c)
                        .collect(Collectors.joining(", "))
                + " WHEN NOT MATCHED THEN INSERT (" + inserted + ") VALUES ("
                + List.of(inserted.split(", ")).stream().map(c -> "s." + c).collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * Sums the batch per hourly row and adds each sum to its row, then the same per daily row: every writer locks
     * the hourly rows before the daily ones, each level in key order.
     */
    static void add(EntityManager entityManager, List<UsageEvent> batch) {
        Query hours = entityManager.createNativeQuery(HOUR_MERGE);
        sum(batch, ChronoUnit.HOURS).forEach((key, sums) -> {
            hours.setParameter(1, key.start().atOffset(ZoneOffset.UTC));
            hours.setParameter(2, key.start().getEpochSecond() / 3600);
            merge(hours, 3, key, sums);
        });
        Query days = entityManager.createNativeQuery(DAY_MERGE);
        sum(batch, ChronoUnit.DAYS).forEach((key, sums) -> {
            days.setParameter(1, key.start().getEpochSecond() / DAY_SECONDS);
            merge(days, 2, key, sums);
        });
    }

    private static Map<Key, Sums> sum(List<UsageEvent> batch, ChronoUnit unit) {
        Map<Key, Sums> rows = new TreeMap<>();
        for (UsageEvent event : batch) {
            rows.computeIfAbsent(Key.of(event, unit), k -> new Sums()).add(event);
        }
        return rows;
    }

    /** Binds the key and the sums from parameter {@code first} on (the time columns are bound) and runs the merge. */
    private static void merge(Query merge, int first, Key key, Sums sums) {
        int p = first;
        merge.setParameter(p++, key.model());
        merge.setParameter(p++, key.gatewayKey());
        merge.setParameter(p++, key.caller());
        merge.setParameter(p++, key.outcome());
        merge.setParameter(p++, key.currency());
        merge.setParameter(p++, sums.calls);
        merge.setParameter(p++, sums.tokensIn);
        merge.setParameter(p++, sums.tokensOut);
        merge.setParameter(p++, sums.tokensCached);
        merge.setParameter(p++, sums.cost);
        merge.setParameter(p++, sums.latencySum);
        merge.setParameter(p++, sums.latencyMax);
        for (long count : sums.buckets) {
            merge.setParameter(p++, count);
        }
        merge.executeUpdate();
    }

    /** A rollup row's key. Ordered, so every writer merges rows in the same order. */
    private record Key(Instant start, String model, String gatewayKey, String caller, String outcome, String currency)
            implements Comparable<Key> {

        static Key of(UsageEvent event, ChronoUnit unit) {
            return new Key(
                    event.occurredAt().truncatedTo(unit),
                    event.modelId(),
                    event.gatewayKey() == null ? NONE : event.gatewayKey(),
                    event.caller(),
                    event.outcome().name(),
                    event.currency() == null ? NONE : event.currency());
        }

        @Override
        public int compareTo(Key other) {
            int c = start.compareTo(other.start);
            c = c != 0 ? c : model.compareTo(other.model);
            c = c != 0 ? c : gatewayKey.compareTo(other.gatewayKey);
            c = c != 0 ? c : caller.compareTo(other.caller);
            c = c != 0 ? c : outcome.compareTo(other.outcome);
            return c != 0 ? c : currency.compareTo(other.currency);
        }
    }

    private static final class Sums {
        long calls;
        long tokensIn;
        long tokensOut;
        long tokensCached;
        BigDecimal cost = BigDecimal.ZERO;
        long latencySum;
        long latencyMax;
        final long[] buckets = new long[UsageLatencyBuckets.COUNT];

        void add(UsageEvent event) {
            calls++;
            tokensIn += event.tokensIn();
            tokensOut += event.tokensOut();
            tokensCached += event.tokensCached();
            if (event.cost() != null) {
                cost = cost.add(event.cost());
            }
            latencySum += event.latencyMillis();
            latencyMax = Math.max(latencyMax, event.latencyMillis());
            buckets[UsageLatencyBuckets.of(event.latencyMillis())]++;
        }
    }
}
