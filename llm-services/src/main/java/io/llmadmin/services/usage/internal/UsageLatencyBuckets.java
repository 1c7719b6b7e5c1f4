package io.llmadmin.services.usage.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fixed latency histogram of a rollup row: bucket {@code i} counts the calls of at most {@code BOUNDS[i]}
 * milliseconds (and more than the bound before it); the last bucket counts those over the last bound. Fixed, so that
 * the rows of any hours, models and keys add up bucket by bucket, in SQL.
 *
 * <p>A percentile read from the histogram lies in the bucket that holds it; it is placed inside the bucket by linear
 * interpolation and never above the largest latency seen. So it is off by at most the bucket's width: 5 ms up to
 * 10 ms, 50 ms from 50 to 200 ms, 25 % (250 ms at 1 s) up to 2.5 s, 50 % at worst above that.
 */
final class UsageLatencyBuckets {

    /** The upper bounds in milliseconds; the changelog {@code 160_usage_rollup.xml} names the same. */
    static final long[] BOUNDS = {
        5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 7500,
        10000, 15000, 20000, 30000, 45000, 60000, 90000, 120000
    };

    /** How many buckets: one per bound and one above the last. */
    static final int COUNT = BOUNDS.length + 1;

    /** The columns {@code b00, b01, ...}, in bucket order, separated by commas. */
    static final String COLUMNS =
            IntStream.range(0, COUNT).mapToObj(UsageLatencyBuckets::column).collect(Collectors.joining(", "));

    private UsageLatencyBuckets() {}

    static String column(int bucket) {
        return String.format("b%02d", bucket);
    }

    /** The bucket a latency falls in. */
    static int of(long latencyMillis) {
        int found = Arrays.binarySearch(BOUNDS, latencyMillis);
        return found >= 0 ? found : -found - 1;
    }

    /** SQL for the bucket of {@code latency_ms}, for raw rows. */
    static String sqlOf(String latencyColumn) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < BOUNDS.length; i++) {
            sql.append(" WHEN ")
                    .append(latencyColumn)
                    .append(" <= ")
                    .append(BOUNDS[i])
                    .append(" THEN ")
                    .append(i);
        }
        return sql.append(" ELSE ").append(BOUNDS.length).append(" END").toString();
    }

    /**
     * The {@code quantile} (0 to 1) of the latencies counted, interpolated inside its bucket and at most {@code max}; 0
     * when nothing is counted.
     */
    static long quantile(long[] counts, double quantile, long max) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return 0;
        }
        double rank = quantile * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                long lower = i == 0 ? 0 : BOUNDS[i - 1];
                long upper = i < BOUNDS.length ? BOUNDS[i] : Math.max(lower, max);
                double inside = (rank - below) / counts[i];
                return Math.min(max, Math.round(lower + inside * (upper - lower)));
            }
            below += counts[i];
        }
        return max;
    }
}
