package io.llmadmin.services.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hourly rollups: written with the raw rows, and the usage summary read from them (whole hours) and the raw rows
 * (the range's ends) equals the sums of the calls themselves for any range, grouping and filter; p95 lies in the
 * latency bucket of the true p95.
 */
class UsageRollupTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> MODELS = List.of("gpt-4o", "gemini", "claude");
    private static final List<String> KEYS = List.of("alpha", "beta");

    private UsageDatabase usage;

    @AfterEach
    void tearDown() throws Exception {
        if (usage != null) {
            usage.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_answer_every_grouping_and_range_as_the_raw_calls_sum_up(Kind kind) throws Exception {
        usage = UsageDatabase.migrated(kind);
        Random random = new Random(42);
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.add(randomCall(random));
        }
        for (int i = 0; i < events.size(); i += 250) {
            usage.write(events.subList(i, Math.min(events.size(), i + 250)));
        }
        // one row per hour, model, key, caller, outcome and currency that had calls
        assertThat(rollupRows()).isEqualTo(distinctRows(events, UsageQuery.GroupBy.HOUR));

        assertThat(count("usage_rollup_day"))
                .as("one daily row per day, model, key, caller, outcome and currency that had calls")
                .isEqualTo(distinctRows(events, UsageQuery.GroupBy.DAY));

        List<UsageQuery> queries = List.of(
                new UsageQuery(T0, T0.plusSeconds(3 * 86400), null, null, null, null),
                new UsageQuery(T0.plusSeconds(1234), T0.plusSeconds(86400 + 777), null, null, null, null),
                // a whole day (daily rollups) between partial days: whole hours and parts of hours at both ends
                new UsageQuery(
                        T0.plusSeconds(3 * 3600 + 59),
                        T0.plusSeconds(2 * 86400 + 5 * 3600 + 1),
                        null,
                        null,
                        null,
                        null),
                new UsageQuery(T0.plusSeconds(86400 - 1), T0.plusSeconds(3 * 86400 - 1), null, "alpha", null, null),
                new UsageQuery(T0.plusSeconds(600), T0.plusSeconds(1800), null, null, null, null),
                new UsageQuery(T0.plusSeconds(5000), T0.plusSeconds(200_000), "gemini", "beta", null, null),
                new UsageQuery(T0, T0.plusSeconds(100_000), null, null, "gateway:alpha", UsageOutcome.TIMEOUT));
        for (UsageQuery query : queries) {
            for (UsageQuery.GroupBy groupBy : UsageQuery.GroupBy.values()) {
                List<UsageGroup> read = usage.read(r -> r.summary(query, groupBy));
                Map<String, List<UsageEvent>> expected = events.stream()
                        .filter(e -> matches(query, e))
                        .collect(Collectors.groupingBy(e -> groupOf(groupBy, e)));
                assertThat(read).as(query + " by " + groupBy).hasSize(expected.size());
                for (UsageGroup group : read) {
                    List<UsageEvent> calls = expected.get(group.group() == null ? "" : group.group());
                    assertThat(group.calls()).as(group.group()).isEqualTo(calls.size());
                    assertThat(group.tokensIn())
                            .isEqualTo(calls.stream()
                                    .mapToLong(UsageEvent::tokensIn)
                                    .sum());
                    assertThat(group.cost())
                            .isEqualByComparingTo(calls.stream()
                                    .map(e -> e.cost() == null ? BigDecimal.ZERO : e.cost())
                                    .reduce(BigDecimal.ZERO, BigDecimal::add));
                    assertThat(group.errors())
                            .isEqualTo(calls.stream()
                                    .filter(e -> !e.outcome().succeeded())
                                    .count());
                    long latencySum =
                            calls.stream().mapToLong(UsageEvent::latencyMillis).sum();
                    assertThat(group.averageLatencyMillis()).isEqualTo(Math.round((double) latencySum / calls.size()));
                    long[] sorted = calls.stream()
                            .mapToLong(UsageEvent::latencyMillis)
                            .sorted()
                            .toArray();
                    long trueP95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
                    int bucket = UsageLatencyBuckets.of(trueP95);
                    long lower = bucket == 0 ? 0 : UsageLatencyBuckets.BOUNDS[bucket - 1];
                    long upper = UsageLatencyBuckets.BOUNDS[bucket];
                    assertThat(group.p95LatencyMillis()).isBetween(lower, upper);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_keep_the_rollups_when_raw_rows_pass_their_retention(Kind kind) {
        usage = UsageDatabase.migrated(kind);
        Random random = new Random(7);
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(randomCall(random));
        }
        usage.write(events);
        UsageQuery all = new UsageQuery(T0, T0.plusSeconds(3 * 86400), null, null, null, null);
        List<UsageGroup> before = usage.read(r -> r.summary(all, UsageQuery.GroupBy.DAY));

        Instant cut = T0.plusSeconds(2 * 86400);
        int deleted = io.llmadmin.services.testsupport.ResourceLocalTransactions.inTransaction(
                usage.factory, entityManager -> new JpaUsageRetention(entityManager).deleteRawBefore(cut));

        assertThat(deleted)
                .isEqualTo(events.stream()
                        .filter(e -> e.occurredAt().isBefore(cut))
                        .count());
        long logged = usage.read(r ->
                r.calls(new UsageQuery(T0, cut, null, null, null, null), 0, 10).total());
        assertThat(logged).as("the request log no longer has the old calls").isZero();
        List<UsageGroup> after = usage.read(r -> r.summary(all, UsageQuery.GroupBy.DAY));
        assertThat(after)
                .as("the totals of whole hours come from the rollups, which are kept")
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(before);
    }

    @Test
    void should_place_a_percentile_inside_its_bucket_and_never_above_the_largest_latency() {
        long[] counts = new long[UsageLatencyBuckets.COUNT];
        counts[UsageLatencyBuckets.of(1100)] = 100; // all between 1000 and 1250 ms
        assertThat(UsageLatencyBuckets.quantile(counts, 0.95, 1180)).isBetween(1000L, 1180L);
        assertThat(UsageLatencyBuckets.quantile(counts, 0.5, 1250)).isEqualTo(1125);
        long[] slow = new long[UsageLatencyBuckets.COUNT];
        slow[UsageLatencyBuckets.COUNT - 1] = 10; // all over 120 s
        assertThat(UsageLatencyBuckets.quantile(slow, 0.95, 300_000)).isBetween(120_000L, 300_000L);
        assertThat(UsageLatencyBuckets.quantile(new long[UsageLatencyBuckets.COUNT], 0.95, 0))
                .isZero();
    }

    static UsageEvent randomCall(Random random) {
        String key = random.nextInt(4) == 0 ? null : KEYS.get(random.nextInt(KEYS.size()));
        boolean priced = random.nextBoolean();
        UsageOutcome outcome = random.nextInt(5) == 0
                ? UsageOutcome.values()[random.nextInt(UsageOutcome.values().length)]
                : UsageOutcome.SUCCESS;
        return new UsageEvent(
                MODELS.get(random.nextInt(MODELS.size())),
                key == null ? "console:ann" : "gateway:" + key,
                random.nextInt(2000),
                random.nextInt(500),
                false,
                (long) Math.exp(random.nextDouble() * 11), // 1 ms to 60 s, log-spread
                outcome,
                T0.plusSeconds(random.nextInt(3 * 86400)),
                priced ? new BigDecimal(random.nextInt(100_000)).movePointLeft(8) : null,
                priced ? "USD" : null,
                key);
    }

    static boolean matches(UsageQuery query, UsageEvent event) {
        return !event.occurredAt().isBefore(query.from())
                && event.occurredAt().isBefore(query.to())
                && (query.modelId() == null || query.modelId().equals(event.modelId()))
                && (query.gatewayKey() == null || query.gatewayKey().equals(event.gatewayKey()))
                && (query.caller() == null || query.caller().equals(event.caller()))
                && (query.outcome() == null || query.outcome() == event.outcome());
    }

    private static String groupOf(UsageQuery.GroupBy groupBy, UsageEvent event) {
        return switch (groupBy) {
            case MODEL -> event.modelId();
            case KEY -> event.gatewayKey() == null ? "" : event.gatewayKey();
            case CALLER -> event.caller();
            case DAY ->
                event.occurredAt()
                        .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                        .toString();
            case HOUR ->
                event.occurredAt()
                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                        .toString();
        };
    }

    /** How many rollup rows the calls make at the level of {@code period} (hour or day). */
    private static long distinctRows(List<UsageEvent> events, UsageQuery.GroupBy period) {
        return events.stream()
                .map(e -> List.of(
                        groupOf(period, e),
                        e.modelId(),
                        String.valueOf(e.gatewayKey()),
                        e.caller(),
                        e.outcome(),
                        String.valueOf(e.currency())))
                .distinct()
                .count();
    }

    private long rollupRows() throws Exception {
        return count("usage_rollup");
    }

    private long count(String table) throws Exception {
        try (Connection connection = usage.database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
