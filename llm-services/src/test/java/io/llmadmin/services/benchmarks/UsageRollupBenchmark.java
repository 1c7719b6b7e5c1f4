package io.llmadmin.services.benchmarks;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.migration.legacy.internal.DriverManagerDataSource;
import io.llmadmin.migration.schema.SchemaMigrator;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.usage.UsageByDay;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import io.llmadmin.services.usage.internal.JpaUsageReports;
import io.llmadmin.services.usage.internal.JpaUsageWriter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The usage dashboard's queries over ROWS usage rows (default 1,000,000), as {@code benchmarks/usage-1m.sh} runs it:
 * fills an empty, migrated database through the real writer ({@link JpaUsageWriter}: raw rows and their hourly
 * rollups, batches of 500 in time order as the recorder writes them) with calls spread evenly over the last 30 days (20
 * models, 50 gateway keys each using one or two of them, 5 % failures, log-normal latencies around 100 ms), then times each query of the dashboard (median and slowest of RUNS runs,
 * after one warm-up run). Prints one line per query; nothing is asserted (speed is measured, not tested).
 */
public final class UsageRollupBenchmark {

    private static final int BATCH = 500;
    private static final int RUNS = 5;

    private UsageRollupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String url = args[1];
        String user = args[2];
        String password = args.length > 3 ? args[3] : "";
        DriverManagerDataSource database = new DriverManagerDataSource(url, user, password);
        new SchemaMigrator(database).migrate();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", database));
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            fill(factory, rows, now);
            time(
                    factory,
                    "totals per model, last 24 h (no groupBy)",
                    r -> r.totalsPerModel(now.minus(1, ChronoUnit.DAYS), now));
            UsageQuery month = new UsageQuery(now.minus(30, ChronoUnit.DAYS), now, null, null, null, null);
            UsageQuery day = new UsageQuery(now.minus(1, ChronoUnit.DAYS), now, null, null, null, null);
            UsageQuery week = new UsageQuery(now.minus(7, ChronoUnit.DAYS), now, null, null, null, null);
            time(factory, "groupBy=day, 30 days", r -> r.summary(month, UsageQuery.GroupBy.DAY));
            time(factory, "groupBy=model, 30 days", r -> r.summary(month, UsageQuery.GroupBy.MODEL));
            time(factory, "groupBy=key, 30 days", r -> r.summary(month, UsageQuery.GroupBy.KEY));
            time(factory, "groupBy=caller, 7 days", r -> r.summary(week, UsageQuery.GroupBy.CALLER));
            time(factory, "groupBy=hour, 24 h", r -> r.summary(day, UsageQuery.GroupBy.HOUR));
            UsageQuery oneKey = new UsageQuery(month.from(), now, null, "key-07", null, null);
            time(factory, "groupBy=day, 30 days, key=key-07", r -> r.summary(oneKey, UsageQuery.GroupBy.DAY));
            time(factory, "request log, 24 h, page 1 of 50", r -> r.calls(day, 0, 50));
            UsageQuery dayOneKey = new UsageQuery(day.from(), now, null, "key-07", null, null);
            time(factory, "request log, 24 h, key=key-07, page 1 of 50", r -> r.calls(dayOneKey, 0, 50));
            // the console's period of 30 days: from the start of the UTC day 29 days ago to now
            UsageQuery page = new UsageQuery(
                    now.truncatedTo(ChronoUnit.DAYS).minus(29, ChronoUnit.DAYS), now, null, null, null, null);
            time(factory, "request log, 30 days, page 1 of 50", r -> r.calls(page, 0, 50));
            time(factory, "request log, 30 days, count only", r -> List.of(r.countCalls(page)));
            time(factory, "request log, 30 days, raw COUNT(*) (before)", r -> List.of(rawCount(factory, page)));
            time(
                    factory,
                    "console page, 30 days, before (9 sums, 2 raw counts)",
                    r -> consolePageBefore(r, factory, page));
            time(factory, "console page, 30 days, by model (2 reads + log)", r -> consolePage(r, page, false));
            time(factory, "console page, 30 days, by key (3 reads + log)", r -> consolePage(r, page, true));
        } finally {
            factory.close();
        }
    }

    private static void fill(EntityManagerFactory factory, int rows, Instant now) {
        Random random = new Random(13);
        long start = System.nanoTime();
        long span = Duration.ofDays(30).toSeconds();
        List<UsageEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < rows; i++) {
            int key = random.nextInt(50);
            // each key mostly uses one model, sometimes a second one, as applications do
            int model = random.nextInt(10) < 7 ? key % 20 : (key * 7 + 3) % 20;
            boolean failed = random.nextInt(20) == 0;
            int in = 50 + random.nextInt(2000);
            int out = failed ? 0 : random.nextInt(800);
            batch.add(new UsageEvent(
                    "model-" + model,
                    "gateway:key-" + String.format("%02d", key),
                    in,
                    out,
                    false,
                    (long) (100 * Math.exp(random.nextGaussian() * 0.8)),
                    failed ? UsageOutcome.UPSTREAM_UNAVAILABLE : UsageOutcome.SUCCESS,
                    now.minusSeconds(span).plusMillis(i * (span * 1000 / rows)),
                    new BigDecimal(in * 250L + out * 1000L).movePointLeft(9),
                    "USD",
                    "key-" + String.format("%02d", key)));
            if (batch.size() == BATCH || i == rows - 1) {
                List<UsageEvent> toWrite = List.copyOf(batch);
                ResourceLocalTransactions.inTransaction(factory, entityManager -> {
                    new JpaUsageWriter(entityManager).write(toWrite);
                    return null;
                });
                batch.clear();
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("  %,d rows after %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "filled %,d rows (with their rollups) in %.1f s: %,.0f rows/s%n", rows, seconds, rows / seconds);
    }

    /**
     * The reads of the console's usage page (UsageView) for one period, as it makes them: per day and model in one
     * read (the per-day and per-model tables and charts), per key, with {@code byKey} the days of the 6 biggest keys
     * in one read (the stacked charts), then the request log's count and first page.
     */
    private static Object consolePage(UsageReports reports, UsageQuery query, boolean byKey) {
        UsageByDay perModel = reports.summaryPerDay(query, UsageQuery.GroupBy.MODEL, null);
        perModel.perDay();
        perModel.perSeries();
        List<UsageGroup> keys = reports.summary(query, UsageQuery.GroupBy.KEY);
        if (byKey) {
            List<String> biggest = keys.stream()
                    .filter(key -> key.group() != null)
                    .sorted(Comparator.comparingLong(UsageGroup::calls).reversed())
                    .limit(6)
                    .map(UsageGroup::group)
                    .toList();
            UsageByDay stacked = reports.summaryPerDay(query, UsageQuery.GroupBy.KEY, biggest);
            biggest.forEach(stacked::daysOf);
        }
        reports.countCalls(query);
        return reports.listCalls(query, 0, 50);
    }

    /**
     * The reads the console's usage page made before it shared its sums (kept to compare on the same data): per day,
     * per model, per key, per day for each of the 6 biggest models, and the request log's first page with the raw
     * {@code COUNT(*)} of the period, twice (the lazy table asked its count and its page, each with the count).
     */
    private static Object consolePageBefore(UsageReports reports, EntityManagerFactory factory, UsageQuery query) {
        reports.summary(query, UsageQuery.GroupBy.DAY);
        List<UsageGroup> models = reports.summary(query, UsageQuery.GroupBy.MODEL);
        reports.summary(query, UsageQuery.GroupBy.KEY);
        models.stream()
                .sorted(Comparator.comparingLong(UsageGroup::calls).reversed())
                .limit(6)
                .forEach(model -> reports.summary(
                        new UsageQuery(query.from(), query.to(), model.group(), null, null, null),
                        UsageQuery.GroupBy.DAY));
        reports.listCalls(query, 0, 1);
        rawCount(factory, query);
        rawCount(factory, query);
        return reports.listCalls(query, 0, 50);
    }

    /** The request log's count as it was taken before: every raw row of the period. */
    private static long rawCount(EntityManagerFactory factory, UsageQuery query) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            return entityManager
                    .createQuery(
                            "SELECT COUNT(u) FROM UsageRecord u WHERE u.occurredAt >= :from AND u.occurredAt < :to",
                            Long.class)
                    .setParameter("from", query.from().atOffset(ZoneOffset.UTC))
                    .setParameter("to", query.to().atOffset(ZoneOffset.UTC))
                    .getSingleResult();
        } finally {
            entityManager.close();
        }
    }

    private static void time(EntityManagerFactory factory, String name, Function<UsageReports, Object> query) {
        long[] millis = new long[RUNS];
        Object answer = null;
        for (int run = -1; run < RUNS; run++) {
            EntityManager entityManager = factory.createEntityManager();
            try {
                long start = System.nanoTime();
                answer = query.apply(new JpaUsageReports(entityManager));
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1_000_000;
                }
            } finally {
                entityManager.close();
            }
        }
        Arrays.sort(millis);
        String size;
        if (answer instanceof UsageReports.CallPage calls) {
            size = calls.items().size() + " entries, total " + calls.total();
        } else if (answer instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Long count) {
            size = "count " + count;
        } else {
            size = ((List<?>) answer).size() + " entries";
        }
        System.out.printf("%-52s median %5d ms, slowest %5d ms (%s)%n", name, millis[RUNS / 2], millis[RUNS - 1], size);
    }
}
