package io.llmadmin.services.usage.internal;

import static io.llmadmin.services.usage.internal.UsageRollupTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.usage.UsageByDay;
import io.llmadmin.services.usage.UsageCall;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reads the console's usage page shares: the request log's count taken from the rollups equals the calls it can
 * list, before and after the retention deleted old raw rows, and the sums per series and day, merged, equal each
 * summary they stand for (per day, per series, the days of one series), on H2 and PostgreSQL alike.
 */
class UsagePageReadsTest {

    /** Ranges cutting days and hours at both ends, whole days inside, and the filters the page passes on. */
    private static final List<UsageQuery> QUERIES = List.of(
            new UsageQuery(T0, T0.plusSeconds(3 * 86400), null, null, null, null),
            new UsageQuery(
                    T0.plusSeconds(3 * 3600 + 59), T0.plusSeconds(2 * 86400 + 5 * 3600 + 1), null, null, null, null),
            new UsageQuery(T0.plusSeconds(86400 - 1), T0.plusSeconds(3 * 86400 - 1), null, "alpha", null, null),
            new UsageQuery(T0.plusSeconds(600), T0.plusSeconds(1800), null, null, null, null),
            new UsageQuery(T0.plusSeconds(5000), T0.plusSeconds(200_000), "gemini", null, null, UsageOutcome.SUCCESS),
            new UsageQuery(T0, T0.plusSeconds(100_000), null, null, "gateway:alpha", UsageOutcome.TIMEOUT));

    private UsageDatabase usage;

    @AfterEach
    void tearDown() throws Exception {
        if (usage != null) {
            usage.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_count_the_request_log_from_the_rollups_as_many_calls_as_it_lists(Kind kind) {
        List<UsageEvent> events = written(kind, 1500);

        for (UsageQuery query : QUERIES) {
            long matching = events.stream()
                    .filter(e -> UsageRollupTest.matches(query, e))
                    .count();
            long counted = usage.read(r -> r.countCalls(query));
            long pageTotal = usage.read(r -> r.calls(query, 0, 1).total());
            assertThat(counted).as(query.toString()).isEqualTo(matching);
            assertThat(pageTotal).isEqualTo(matching);
        }
        UsageQuery narrow = QUERIES.get(3);
        long counted = usage.read(r -> r.countCalls(narrow));
        List<UsageCall> listed = usage.read(r -> r.listCalls(narrow, 0, 500));
        assertThat(listed).hasSize((int) counted);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_count_only_the_calls_still_listed_once_the_retention_deleted_old_rows(Kind kind) {
        List<UsageEvent> events = written(kind, 1500);
        Instant cut = T0.plusSeconds(86400 + 3 * 3600 + 1234);
        ResourceLocalTransactions.inTransaction(
                usage.factory, entityManager -> new JpaUsageRetention(entityManager).deleteRawBefore(cut));

        for (UsageQuery query : QUERIES) {
            long kept = events.stream()
                    .filter(e ->
                            UsageRollupTest.matches(query, e) && !e.occurredAt().isBefore(cut))
                    .count();
            long counted = usage.read(r -> r.countCalls(query));
            assertThat(counted).as(query.toString()).isEqualTo(kept);
        }
        UsageQuery all = QUERIES.get(0);
        assertThat(usage.read(r -> r.summary(all, UsageQuery.GroupBy.MODEL)).stream()
                        .mapToLong(UsageGroup::calls)
                        .sum())
                .as("the sums still count the deleted rows' calls from the rollups")
                .isEqualTo(events.size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_answer_per_day_per_series_and_each_series_days_as_the_summaries_do(Kind kind) {
        written(kind, 1500);

        for (UsageQuery query : QUERIES) {
            for (UsageQuery.GroupBy series :
                    List.of(UsageQuery.GroupBy.MODEL, UsageQuery.GroupBy.KEY, UsageQuery.GroupBy.CALLER)) {
                UsageByDay read = usage.read(r -> r.summaryPerDay(query, series, null));
                List<UsageGroup> perSeries = usage.read(r -> r.summary(query, series));
                assertThat(read.perDay())
                        .as(query + " per day")
                        .usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(usage.read(r -> r.summary(query, UsageQuery.GroupBy.DAY)));
                assertThat(read.perSeries())
                        .as(query + " per " + series)
                        .usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(perSeries);
                for (UsageGroup one : perSeries) {
                    if (one.group() != null) {
                        assertThat(read.daysOf(one.group()))
                                .as(query + " days of " + one.group())
                                .usingRecursiveFieldByFieldElementComparator()
                                .isEqualTo(usage.read(
                                        r -> r.summary(narrowed(query, series, one.group()), UsageQuery.GroupBy.DAY)));
                    }
                }
                assertThat(read.daysOf("nobody")).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_read_only_the_series_asked_for(Kind kind) {
        written(kind, 1500);
        UsageQuery query = QUERIES.get(1);

        UsageByDay alpha = usage.read(r -> r.summaryPerDay(query, UsageQuery.GroupBy.KEY, List.of("alpha")));

        assertThat(alpha.perSeries()).extracting(UsageGroup::group).containsExactly("alpha");
        assertThat(alpha.daysOf("alpha"))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(usage.read(
                        r -> r.summary(narrowed(query, UsageQuery.GroupBy.KEY, "alpha"), UsageQuery.GroupBy.DAY)));
        assertThat(alpha.daysOf("beta")).isEmpty();
        assertThat(usage.read(r -> r.summaryPerDay(query, UsageQuery.GroupBy.MODEL, List.of()))
                        .perDay())
                .isEmpty();
    }

    /** Random calls over three days (as {@link UsageRollupTest} writes them), in batches as the recorder writes. */
    private List<UsageEvent> written(Kind kind, int calls) {
        usage = UsageDatabase.migrated(kind);
        Random random = new Random(99);
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            events.add(UsageRollupTest.randomCall(random));
        }
        for (int i = 0; i < events.size(); i += 250) {
            usage.write(events.subList(i, Math.min(events.size(), i + 250)));
        }
        return events;
    }

    private static UsageQuery narrowed(UsageQuery query, UsageQuery.GroupBy series, String name) {
        return switch (series) {
            case MODEL ->
                new UsageQuery(query.from(), query.to(), name, query.gatewayKey(), query.caller(), query.outcome());
            case KEY ->
                new UsageQuery(query.from(), query.to(), query.modelId(), name, query.caller(), query.outcome());
            default ->
                new UsageQuery(query.from(), query.to(), query.modelId(), query.gatewayKey(), name, query.outcome());
        };
    }
}
