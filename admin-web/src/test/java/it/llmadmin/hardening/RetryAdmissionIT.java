package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.llmadmin.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call the server admitted keeps its admission through a retry (finding 5: a retry after a transient upstream failure
 * was charged as a new request, so at a full window the caller was told "rate limited" when the cause was the
 * upstream). The model allows one request per minute; its provider fails the first attempt with a 503 and answers the
 * retry; the caller gets the answer, not a 429.
 */
class RetryAdmissionIT {

    private static final String MODEL = Probe.unique("retry-admission");

    private static HttpServer provider;
    private static final AtomicInteger attempts = new AtomicInteger();

    @BeforeAll
    static void startTheFlakyProviderAndCreateItsModel() throws IOException {
        provider = LoopbackServer.start("/v1/chat/completions", RetryAdmissionIT::failOnceThenAnswer);
        HttpResponse<String> model = Probe.json(
                "POST",
                "/api/admin/models",
                Probe.admin(),
                "{\"id\":\"" + MODEL + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"flaky\","
                        + "\"displayName\":\"Retry admission\",\"apiBase\":\"" + LoopbackServer.apiBase(provider)
                        + "\",\"limits\":{\"requestsPerMinute\":1},\"active\":true}");
        assertThat(model.statusCode()).as(model.body()).isEqualTo(201);
    }

    @AfterAll
    static void deleteTheModelAndStopTheProvider() {
        Probe.send("DELETE", "/api/admin/models/" + MODEL, Probe.admin(), null, null);
        provider.stop(0);
    }

    @Test
    void should_answer_a_call_whose_first_attempt_failed_upstream_at_a_full_window() {
        HttpResponse<String> answer = GatewayFixture.chat(MODEL, "Say hello");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("Hello after a retry");
        assertThat(attempts.get()).as("attempts the provider saw").isEqualTo(2);
    }

    private static void failOnceThenAnswer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        boolean first = attempts.incrementAndGet() == 1;
        String body = first
                ? "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"
                : "{\"id\":\"chatcmpl-retry\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"flaky\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + "\"Hello after a retry\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(first ? 503 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
