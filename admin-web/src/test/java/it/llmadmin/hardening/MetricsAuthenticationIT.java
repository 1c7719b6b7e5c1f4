package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.SecondServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code METRICS_AUTHENTICATION=true} on a running server (finding 7: HTTPS never started, so the setting could not
 * work as shipped): the ITs' second server runs with it, over the self-signed keystore it generated on its first
 * start. {@code /metrics} then refuses a caller without the metrics user's password, answers one with it, never allows
 * a credentialed cross-origin read, and the metrics user is nobody to the admin API.
 */
class MetricsAuthenticationIT {

    private static final String BROWSER_ORIGIN = "http://evil.example";

    private static SecondServer server;
    private static HttpClient https;

    @BeforeAll
    static void startTheSecondServer() throws Exception {
        server = SecondServer.shared();
        https = HttpClient.newBuilder()
                .sslContext(Probe.trustingTheSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void should_refuse_metrics_without_the_metrics_users_password() throws Exception {
        HttpResponse<String> anonymous = metrics(null);
        HttpResponse<String> wrongPassword = metrics(Probe.basic(SecondServer.METRICS_USER, "not-the-password"));
        HttpResponse<String> admin = metrics(Probe.admin());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).as("the admin is not the metrics user").isIn(401, 403);
        assertThat(anonymous.body() + wrongPassword.body() + admin.body()).doesNotContain("jvm_");
    }

    @Test
    void should_answer_the_metrics_user_over_https_without_credentialed_cors() throws Exception {
        HttpResponse<String> answer = metrics(Probe.basic(SecondServer.METRICS_USER, SecondServer.METRICS_PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("# TYPE").contains("jvm_");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                .as("a browser never sends the metrics user's credentials from another site")
                .isEmpty();
    }

    @Test
    void should_not_serve_metrics_over_plain_http() throws Exception {
        HttpResponse<String> answer = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", Probe.basic(SecondServer.METRICS_USER, SecondServer.METRICS_PASSWORD))
                .build());

        assertThat(answer.statusCode()).as("redirected to HTTPS").isBetween(300, 399);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
        assertThat(answer.body()).doesNotContain("jvm_");
    }

    @Test
    void should_not_let_the_metrics_user_into_the_admin_api() throws Exception {
        HttpResponse<String> answer = https.send(
                HttpRequest.newBuilder(server.httpsUri("/api/admin/models"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json")
                        .header("Authorization", Probe.basic(SecondServer.METRICS_USER, SecondServer.METRICS_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> metrics(String authorization) throws Exception {
        URI uri = server.httpsUri("/metrics");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Origin", BROWSER_ORIGIN);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
