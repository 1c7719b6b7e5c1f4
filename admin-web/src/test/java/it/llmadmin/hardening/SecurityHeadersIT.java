package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every kind of answer, /metrics without credentialed CORS, HTTPS from a keystore generated on the
 * first start with HSTS there (finding 7); redirects that never echo the Host header (finding 10).
 */
class SecurityHeadersIT {

    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @Test
    void should_send_the_security_headers_on_the_console_the_apis_the_gateway_and_liberty_own_endpoints() {
        for (String path : List.of(
                "/",
                "/login.xhtml",
                "/v1/models",
                "/api/admin/models",
                "/openai/v1/models",
                "/metrics",
                "/health/ready")) {
            HttpResponse<String> answer = Probe.get(path, null);

            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void should_answer_a_client_asking_for_http2_in_http_1_1() throws Exception {
        // An HTTP/2 client multiplexing hundreds of streams froze Liberty's request threads: the endpoint refuses the
        // h2c upgrade the JDK client asks for, so every client is served over HTTP/1.1.
        HttpClient http2 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = System.getProperty("it.base.url", "http://localhost:9180");

        HttpResponse<String> answer = http2.send(
                HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void should_serve_metrics_without_credentialed_cors() {
        HttpResponse<String> answer = Probe.send("GET", "/metrics", null, null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        // Whatever origin mpMetrics names, a browser never sends the user's credentials along.
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    /**
     * HSTS over HTTPS on every answer: the application's (a page, a refused sign-in) and Liberty's own endpoints
     * (metrics, health, the OpenAPI document), which no filter of the application sees; never over plain HTTP.
     */
    @Test
    void should_answer_over_https_with_hsts_on_every_endpoint() throws Exception {
        // Over plain HTTP first: that waits until the application is up (Liberty may be ready before it).
        assertThat(Probe.get("/health/ready", null).statusCode()).isEqualTo(200);
        String base = System.getProperty("it.https.base.url", "https://localhost:9543");
        HttpClient client = HttpClient.newBuilder()
                .sslContext(Probe.trustingTheSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        for (String path : List.of("/v1/models", "/api/admin/models", "/metrics", "/health/ready", "/openapi")) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isIn(200, 401);
            assertThat(answer.headers().allValues("Strict-Transport-Security"))
                    .as(path)
                    .containsExactly(HSTS);
            assertThat(Probe.get(path, null).headers().firstValue("Strict-Transport-Security"))
                    .as(path + " over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void should_redirect_to_the_sign_in_page_without_echoing_the_host_header() {
        String answer =
                Probe.raw("GET /console/index.xhtml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(Probe.statusOf(answer)).isEqualTo(302);
        assertThat(answer).doesNotContain("evil.example").contains("Location: /login.xhtml");
    }
}
