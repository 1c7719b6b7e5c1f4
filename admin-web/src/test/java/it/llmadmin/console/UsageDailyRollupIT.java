package it.llmadmin.console;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grouped usage API through the running server over a range of partial days around a whole one: the whole UTC
 * day is read from the daily rollups, the partial days at its ends from the hourly rollups and the raw rows, and the
 * totals are those of the same calls read over a range of a few seconds (raw rows only): calls, tokens, cost, average
 * and p95 latency, whatever the grouping.
 */
class UsageDailyRollupIT {

    private static final int CALLS = 3;

    private static PricedCalls calls;
    private static Instant started;
    private static Instant ended;

    @BeforeAll
    static void threePricedCalls() throws Exception {
        calls = new PricedCalls("it-daily");
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        calls.call(CALLS);
        ended = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterAll
    static void removeCalls() {
        if (calls != null) {
            calls.close();
        }
    }

    @Test
    void should_sum_a_whole_day_between_partial_days_as_the_calls_themselves() {
        JsonObject tight = only(summary("key", started, ended));
        assertThat(tight.getString("group")).isEqualTo(calls.key);
        assertThat(tight.getInt("calls")).isEqualTo(CALLS);
        assertThat(tight.getInt("tokensIn")).isEqualTo(13 * CALLS);
        assertThat(tight.getInt("tokensOut")).isEqualTo(6 * CALLS);
        assertThat(new BigDecimal(tight.getString("cost")))
                .isEqualByComparingTo(PricedCalls.COST_PER_CALL.multiply(BigDecimal.valueOf(CALLS)));

        // The UTC day of the calls is whole inside; 23 h 43 min before it and 2 h 41 min after it are partial days.
        Instant day = started.truncatedTo(ChronoUnit.DAYS);
        Instant from = day.minus(1, ChronoUnit.DAYS).plusSeconds(17 * 60 + 3);
        Instant to = day.plus(1, ChronoUnit.DAYS).plusSeconds(2 * 3600 + 41 * 60 + 7);
        for (String groupBy : new String[] {"key", "model", "day", "caller"}) {
            JsonObject wide = only(summary(groupBy, from, to));
            for (String sum :
                    new String[] {"calls", "tokensIn", "tokensOut", "averageLatencyMillis", "p95LatencyMillis"}) {
                assertThat(wide.getJsonNumber(sum).longValue())
                        .as(groupBy + " " + sum)
                        .isEqualTo(tight.getJsonNumber(sum).longValue());
            }
            assertThat(new BigDecimal(wide.getString("cost")))
                    .as(groupBy + " cost")
                    .isEqualByComparingTo(new BigDecimal(tight.getString("cost")));
        }
        if (started.truncatedTo(ChronoUnit.DAYS).equals(ended.truncatedTo(ChronoUnit.DAYS))) {
            assertThat(only(summary("day", from, to)).getString("group")).isEqualTo(day.toString());
        }
    }

    /** The summary of the test's key over {@code [from, to)}. */
    private static JsonArray summary(String groupBy, Instant from, Instant to) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/usage?groupBy=" + groupBy
                        + "&key=" + encode(calls.key) + "&from=" + encode(from.toString()) + "&to="
                        + encode(to.toString())))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD))
                .GET()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static JsonObject only(JsonArray groups) {
        assertThat(groups).as(groups.toString()).hasSize(1);
        return groups.getJsonObject(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
