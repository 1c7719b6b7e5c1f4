package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.llmadmin.ItSecrets;
import it.llmadmin.LoopbackServer;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Finding 4's scenario against one running server: 200 concurrent {@code /openai/v1/chat/completions} calls through
 * one key with 100 input / 20 output tokens per minute, to a provider on loopback that answers as long as it is allowed
 * ({@code max_tokens}, else {@value #UNBOUNDED_ANSWER} tokens, as a chatty model does) and reports its usage as OpenAI
 * does; the sum of what the provider reported must not exceed the key's limits. Which limiter holds the windows is the
 * server's configuration: through Redis on the IT server ({@link GatewayKeyTokenLimitsIT}), in process on the second
 * server without Redis ({@link InProcessTokenLimitsIT}).
 */
final class TokenLimitsScenario implements AutoCloseable {

    private static final int CALLS = 200;
    private static final int INPUT_PER_MINUTE = 100;
    private static final int OUTPUT_PER_MINUTE = 20;
    private static final int UNBOUNDED_ANSWER = 50;
    /** "Say hello" as OpenAI counts it: 2 tokens, 4 for the message's framing, 3 priming the reply. */
    private static final int PROMPT_TOKENS = 9;

    private final Function<String, URI> server;
    private final String model = Probe.unique("token-limits");
    private final UsageReportingProvider provider;

    /** Starts the provider and creates its model on {@code server}. */
    TokenLimitsScenario(Function<String, URI> server) throws IOException {
        this.server = server;
        this.provider = new UsageReportingProvider();
        HttpResponse<String> created = admin(
                "POST",
                "/api/admin/models",
                "{\"id\":\"" + model + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"chatty\","
                        + "\"displayName\":\"Token limits\",\"apiBase\":\"" + provider.apiBase()
                        + "\",\"contextLength\":8192,\"active\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A new key's calls, each with {@code max_tokens} or without (null), at once: no overshoot of its limits. */
    void assertNoOvershootOfANewKey(Integer maxTokens) throws Exception {
        int admitted = callConcurrently(key(), maxTokens);

        assertThat(admitted).as("calls admitted").isPositive();
        assertThat(provider.calls.get()).as("calls that reached the provider").isEqualTo(admitted);
        assertThat(provider.reportedInput.get())
                .as("input tokens the provider reported")
                .isLessThanOrEqualTo(INPUT_PER_MINUTE);
        assertThat(provider.reportedOutput.get())
                .as("output tokens the provider reported")
                .isLessThanOrEqualTo(OUTPUT_PER_MINUTE);
    }

    private String key() {
        HttpResponse<String> key = admin(
                "POST",
                "/api/admin/gateway-keys",
                "{\"name\":\"" + Probe.unique("token-limits") + "\",\"allowedModels\":[\"" + model + "\"],"
                        + "\"limits\":{\"inputTokensPerMinute\":" + INPUT_PER_MINUTE + ",\"outputTokensPerMinute\":"
                        + OUTPUT_PER_MINUTE + "}}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String token = Probe.parse(key).getString("token");
        ItSecrets.issuedToken(token);
        return token;
    }

    /** Fires the calls at once; every answer is a 200 or a 429; returns how many were admitted. */
    private int callConcurrently(String token, Integer maxTokens) throws Exception {
        provider.reset();
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]"
                + (maxTokens == null ? "" : ",\"max_tokens\":" + maxTokens) + "}";
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                statuses.add(callers.submit(() -> {
                    go.await();
                    return ServerUnderTest.send(HttpRequest.newBuilder(server.apply("/openai/v1/chat/completions"))
                                    .timeout(Duration.ofMinutes(3))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build())
                            .statusCode();
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).as("admitted or rate limited").isIn(200, 429);
                admitted += status.get() == 200 ? 1 : 0;
            }
            return admitted;
        } finally {
            callers.shutdownNow();
        }
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.apply(path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", Probe.admin());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return ServerUnderTest.send(request.build());
    }

    /** Deletes the model and stops the provider. */
    @Override
    public void close() {
        admin("DELETE", "/api/admin/models/" + model, null);
        provider.close();
    }

    /** An OpenAI-compatible provider on loopback that answers up to {@code max_tokens} and reports its usage. */
    private static final class UsageReportingProvider implements AutoCloseable {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger reportedInput = new AtomicInteger();
        final AtomicInteger reportedOutput = new AtomicInteger();
        private final HttpServer server;

        UsageReportingProvider() throws IOException {
            server = LoopbackServer.start("/v1/chat/completions", this::answer);
        }

        String apiBase() {
            return LoopbackServer.apiBase(server);
        }

        void reset() {
            calls.set(0);
            reportedInput.set(0);
            reportedOutput.set(0);
        }

        private void answer(HttpExchange exchange) throws IOException {
            JsonObject request = LoopbackServer.jsonBody(exchange.getRequestBody());
            int output = Math.min(UNBOUNDED_ANSWER, limit(request));
            calls.incrementAndGet();
            reportedInput.addAndGet(PROMPT_TOKENS);
            reportedOutput.addAndGet(output);
            String body = "{\"id\":\"chatcmpl-limits\",\"object\":\"chat.completion\",\"created\":1700000000,"
                    + "\"model\":\"chatty\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + "hi ".repeat(output).strip() + "\"},\"finish_reason\":\""
                    + (output < UNBOUNDED_ANSWER ? "length" : "stop") + "\"}],\"usage\":{\"prompt_tokens\":"
                    + PROMPT_TOKENS + ",\"completion_tokens\":" + output + ",\"total_tokens\":"
                    + (PROMPT_TOKENS + output) + "}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        /** The call's {@code max_tokens} (or {@code max_completion_tokens}, as newer clients send it). */
        private static int limit(JsonObject request) {
            for (String name : List.of("max_tokens", "max_completion_tokens")) {
                if (request.get(name) instanceof JsonNumber number) {
                    return number.intValue();
                }
            }
            return Integer.MAX_VALUE;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
