package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import io.llmadmin.services.ratelimit.internal.RedisRateLimiter;
import io.llmadmin.services.testsupport.TestRedis;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model's token limits hold exactly under 200 concurrent calls, with and without {@code max_tokens}, in process
 * and through Redis: the sum of what the provider reported never exceeds a limit. The provider here answers as long as
 * it is allowed to ({@code max_tokens}, or 50 tokens when the request sets none) and counts the prompt as OpenAI does.
 */
class TokenReservationTest {

    private static final int CALLS = 200;
    private static final int INPUT_PER_MINUTE = 100;
    private static final int OUTPUT_PER_MINUTE = 20;
    private static final Pattern MAX_TOKENS = Pattern.compile("\"max_(?:completion_)?tokens\"\\s*:\\s*(\\d+)");

    private HttpServer provider;
    private final AtomicInteger reportedInput = new AtomicInteger();
    private final AtomicInteger reportedOutput = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(Executors.newFixedThreadPool(32));
        provider.createContext("/v1/chat/completions", this::answer);
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher max = MAX_TOKENS.matcher(request);
        int output = max.find() ? Integer.parseInt(max.group(1)) : 50;
        // "Say hello": 2 tokens, 4 for the message's framing, 3 priming the reply
        int input = 9;
        reportedInput.addAndGet(input);
        reportedOutput.addAndGet(output);
        answered.incrementAndGet();
        byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                        + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":" + input
                        + ",\"completion_tokens\":" + output + ",\"total_tokens\":" + (input + output) + "}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private ModelConfiguration model() {
        ModelConfiguration model = ProviderWire.OPENAI.model(
                "limited-" + System.nanoTime(),
                "http://127.0.0.1:" + provider.getAddress().getPort());
        model.limitPerMinute(0, INPUT_PER_MINUTE, OUTPUT_PER_MINUTE);
        model.specify(8192, new ParameterRanges(0, 2, 0, 1, 5));
        return model;
    }

    private static LangChain4jChatService service(ModelConfiguration model, RateLimiter limiter) {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(30),
                        RetryPolicy.of(0, Duration.ofMillis(10), Duration.ofSeconds(1)),
                        "http://127.0.0.1:9"),
                id -> Optional.of(model),
                TestSupport.vault(),
                new RateLimitedCallGuard(limiter),
                CallRecorder.none(),
                Clock.systemUTC());
    }

    /** Fires the calls at once, spread over the services (the instances), and counts the answered ones. */
    private static int callConcurrently(List<LangChain4jChatService> services, String modelId, Integer maxTokens)
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                LangChain4jChatService service = services.get(i % services.size());
                outcomes.add(callers.submit(() -> {
                    go.await();
                    try {
                        service.chat(ChatCall.builder(modelId)
                                .message(ChatMessage.user("Say hello"))
                                .maxTokens(maxTokens)
                                .build());
                        return true;
                    } catch (LlmRateLimitedException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> outcome : outcomes) {
                admitted += outcome.get() ? 1 : 0;
            }
            return admitted;
        } finally {
            callers.shutdownNow();
        }
    }

    private void assertNoOvershoot(int admitted) {
        assertThat(admitted).isPositive().isEqualTo(answered.get());
        assertThat(reportedInput.get()).isLessThanOrEqualTo(INPUT_PER_MINUTE);
        assertThat(reportedOutput.get()).isLessThanOrEqualTo(OUTPUT_PER_MINUTE);
    }

    @Test
    void should_not_overshoot_the_token_limits_in_process_when_calls_set_no_max_tokens() throws Exception {
        ModelConfiguration model = model();
        LangChain4jChatService service = service(model, new InProcessRateLimiter(Clock.systemUTC()));

        assertNoOvershoot(callConcurrently(List.of(service), model.catalogId(), null));
    }

    @Test
    void should_not_overshoot_the_token_limits_in_process_when_calls_set_max_tokens() throws Exception {
        ModelConfiguration model = model();
        LangChain4jChatService service = service(model, new InProcessRateLimiter(Clock.systemUTC()));

        assertNoOvershoot(callConcurrently(List.of(service), model.catalogId(), 3));
    }

    @Test
    void should_not_overshoot_the_token_limits_through_redis_with_or_without_max_tokens() throws Exception {
        String url = TestRedis.requireUrl();
        String prefix = TestRedis.uniquePrefix();
        try (RedisRateLimiter first = RedisRateLimiter.create(url, prefix);
                RedisRateLimiter second = RedisRateLimiter.create(url, prefix)) {
            ModelConfiguration without = model();
            assertNoOvershoot(callConcurrently(
                    List.of(service(without, first), service(without, second)), without.catalogId(), null));

            reportedInput.set(0);
            reportedOutput.set(0);
            answered.set(0);
            ModelConfiguration with = model();
            assertNoOvershoot(
                    callConcurrently(List.of(service(with, first), service(with, second)), with.catalogId(), 3));
        } finally {
            TestRedis.deleteKeys(url, prefix);
        }
    }
}
