package io.llmadmin.services.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The usage summary's native SQL (time buckets, p95, cost sums) and the request log's filters, on H2 and PostgreSQL
 * alike.
 */
class UsageSummaryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");

    private UsageDatabase usage;

    @AfterEach
    void tearDown() throws Exception {
        if (usage != null) {
            usage.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_sum_cost_tokens_latency_and_errors_per_group(Kind kind) {
        usage = UsageDatabase.migrated(kind);
        usage.write(List.of(
                call("gpt-4o", "gateway:alpha", 10, 100, UsageOutcome.SUCCESS, T0, "0.5", "alpha"),
                call("gpt-4o", "gateway:alpha", 20, 300, UsageOutcome.SUCCESS, T0.plusSeconds(60), "0.25", "alpha"),
                call("gpt-4o", "gateway:beta", 5, 200, UsageOutcome.RATE_LIMITED, T0.plusSeconds(3600), null, "beta"),
                call("gemini", "console:ann", 7, 50, UsageOutcome.SUCCESS, T0.plusSeconds(86400), "1", null)));
        UsageQuery all = new UsageQuery(T0.minusSeconds(3600), T0.plusSeconds(2 * 86400), null, null, null, null);

        List<UsageGroup> byKey = usage.read(r -> r.summary(all, UsageQuery.GroupBy.KEY));
        assertThat(byKey).extracting(UsageGroup::group).containsExactlyInAnyOrder(null, "alpha", "beta");
        UsageGroup alpha = byKey.stream()
                .filter(g -> "alpha".equals(g.group()))
                .findFirst()
                .orElseThrow();
        assertThat(alpha.calls()).isEqualTo(2);
        assertThat(alpha.tokensIn()).isEqualTo(30);
        assertThat(alpha.cost()).isEqualByComparingTo("0.75");
        assertThat(alpha.currency()).isEqualTo("USD");
        assertThat(alpha.averageLatencyMillis()).isEqualTo(200);
        assertThat(alpha.p95LatencyMillis()).isBetween(290L, 300L);
        UsageGroup beta =
                byKey.stream().filter(g -> "beta".equals(g.group())).findFirst().orElseThrow();
        assertThat(beta.errors()).isEqualTo(1);
        assertThat(beta.rateLimited()).isEqualTo(1);
        assertThat(beta.cost()).isEqualByComparingTo("0");
        assertThat(beta.currency()).isNull();

        List<UsageGroup> byHour = usage.read(r -> r.summary(all, UsageQuery.GroupBy.HOUR));
        assertThat(byHour)
                .extracting(UsageGroup::group, UsageGroup::calls)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-03-01T10:00:00Z", 2L),
                        org.assertj.core.groups.Tuple.tuple("2026-03-01T11:00:00Z", 1L),
                        org.assertj.core.groups.Tuple.tuple("2026-03-02T10:00:00Z", 1L));
        List<UsageGroup> byDay = usage.read(r -> r.summary(all, UsageQuery.GroupBy.DAY));
        assertThat(byDay)
                .extracting(UsageGroup::group, UsageGroup::calls)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-03-01T00:00:00Z", 3L),
                        org.assertj.core.groups.Tuple.tuple("2026-03-02T00:00:00Z", 1L));

        UsageQuery gpt = new UsageQuery(all.from(), all.to(), "gpt-4o", null, null, UsageOutcome.SUCCESS);
        List<UsageGroup> gptSucceeded = usage.read(r -> r.summary(gpt, UsageQuery.GroupBy.MODEL));
        assertThat(gptSucceeded)
                .singleElement()
                .satisfies(group -> assertThat(group.calls()).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_not_count_an_answer_from_the_response_cache_as_an_error(Kind kind) {
        usage = UsageDatabase.migrated(kind);
        usage.write(List.of(
                call("gpt-4o", "gateway:alpha", 10, 100, UsageOutcome.SUCCESS, T0, "0.5", "alpha"),
                call("gpt-4o", "gateway:alpha", 0, 2, UsageOutcome.CACHE_HIT, T0.plusSeconds(1), null, "alpha")));
        UsageQuery all = new UsageQuery(T0.minusSeconds(3600), T0.plusSeconds(3600), null, null, null, null);

        List<UsageGroup> byModel = usage.read(r -> r.summary(all, UsageQuery.GroupBy.MODEL));

        assertThat(byModel).singleElement().satisfies(group -> {
            assertThat(group.calls()).isEqualTo(2);
            assertThat(group.errors()).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_page_the_request_log_newest_first_filtered_by_key(Kind kind) {
        usage = UsageDatabase.migrated(kind);
        usage.write(List.of(
                call("gpt-4o", "gateway:alpha", 10, 100, UsageOutcome.SUCCESS, T0, "0.5", "alpha"),
                call("gpt-4o", "gateway:alpha", 20, 300, UsageOutcome.TIMEOUT, T0.plusSeconds(60), "0", "alpha"),
                call("gpt-4o", "gateway:beta", 5, 200, UsageOutcome.SUCCESS, T0.plusSeconds(120), null, "beta")));
        UsageQuery alpha = new UsageQuery(T0, T0.plusSeconds(3600), null, "alpha", null, null);

        UsageReports.CallPage first = usage.read(r -> r.calls(alpha, 0, 1));
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(UsageOutcome.TIMEOUT);
            assertThat(call.gatewayKey()).isEqualTo("alpha");
        });
        UsageReports.CallPage second = usage.read(r -> r.calls(alpha, 1, 1));
        assertThat(second.items())
                .singleElement()
                .satisfies(call -> assertThat(call.cost()).isEqualByComparingTo(new BigDecimal("0.5")));
        UsageReports.CallPage beyond = usage.read(r -> r.calls(alpha, 2, 1));
        assertThat(beyond.items()).isEmpty();
    }

    private static UsageEvent call(
            String model,
            String caller,
            int tokensIn,
            long latency,
            UsageOutcome outcome,
            Instant at,
            String cost,
            String key) {
        return new UsageEvent(
                model,
                caller,
                tokensIn,
                1,
                false,
                latency,
                outcome,
                at,
                cost == null ? null : new BigDecimal(cost),
                cost == null ? null : "USD",
                key);
    }
}
