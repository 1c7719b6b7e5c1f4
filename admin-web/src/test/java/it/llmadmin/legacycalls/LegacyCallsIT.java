package it.llmadmin.legacycalls;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A legacy caller inside the server (the probe servlet of the test WAR) calls the facade; the calls show at
 * {@code /metrics} per legacy function and calling class, as an operator's Prometheus would scrape them, and in the
 * history the migration page and {@code /api/admin/legacy-calls} read (stored and not yet stored calls together).
 */
class LegacyCallsIT {

    private static final String PROBE = "it.llmadmin.legacyprobe.LegacyCallerProbeServlet";
    private static final Pattern CALLS = Pattern.compile("(?m)^legacy_calls_total\\{([^}]*)\\} ([0-9.Ee+]+)$");
    private static final Pattern LAST_SEEN =
            Pattern.compile("(?m)^legacy_calls_last_seen_seconds\\{([^}]*)\\} ([0-9.Ee+]+)$");

    @Test
    void should_count_each_call_of_a_legacy_function_per_calling_class_when_scraped() {
        double before = probeCalls(scrape(), CALLS);

        long sentAt = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> called = callProbe("Hello legacy world");
            assertThat(called.statusCode()).isEqualTo(200);
            assertThat(called.body()).matches("\\{\"approximateTokens\":[1-9][0-9]*}");
        }

        String metrics = scrape();
        assertThat(probeCalls(metrics, CALLS)).isEqualTo(before + 3);
        assertThat(probeCalls(metrics, LAST_SEEN)).isBetween((double) sentAt - 5, (double) sentAt + 60);
        assertThat(metrics).contains("# TYPE legacy_calls_total counter");
    }

    @Test
    void should_list_the_probe_with_its_calls_and_last_time_in_the_history_when_an_admin_asks() {
        callProbe("count me");
        Instant afterFirst = Instant.now().minusSeconds(5);
        callProbe("and me");

        HttpResponse<String> response = ServerUnderTest.send(adminGet("/api/admin/legacy-calls"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(body.getBoolean("stillCalled")).isTrue();
        JsonObject probe = body.getJsonArray("callSites").getValuesAs(JsonObject.class).stream()
                .filter(site -> site.getString("callerClass").equals(PROBE))
                .filter(site -> site.getString("function").equals("approximate_tokens"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("probe not listed: " + response.body()));
        assertThat(probe.getJsonNumber("calls").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(Instant.parse(probe.getString("lastSeen"))).isAfter(afterFirst);
    }

    @Test
    void should_refuse_the_history_to_an_anonymous_caller() {
        HttpResponse<String> response =
                ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/api/admin/legacy-calls"))
                        .timeout(Duration.ofSeconds(30))
                        .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(PROBE);
    }

    private static HttpRequest adminGet(String path) {
        String password = System.getProperty("it.admin.password", "it-admin-password-not-secret");
        return HttpRequest.newBuilder(ServerUnderTest.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    @Test
    void should_serve_metrics_without_an_api_password_as_scrapers_expect() {
        HttpResponse<String> metrics = ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/metrics"))
                .timeout(Duration.ofSeconds(30))
                .build());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_uptime_seconds");
    }

    static HttpResponse<String> callProbe(String text) {
        return ServerUnderTest.send(
                HttpRequest.newBuilder(ServerUnderTest.uri("/it-probe/legacy-caller?text=" + text.replace(" ", "+")))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    private static String scrape() {
        HttpResponse<String> response =
                ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/metrics?scope=application"))
                        .timeout(Duration.ofSeconds(30))
                        .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The probe's series of {@code approximate_tokens} in the scrape, 0 when it has none yet. */
    private static double probeCalls(String metrics, Pattern series) {
        Matcher matcher = series.matcher(metrics);
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (labels.contains("caller=\"" + PROBE + "\"") && labels.contains("function=\"approximate_tokens\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
