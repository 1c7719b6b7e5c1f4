package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import io.llmadmin.services.ratelimit.internal.RedisRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A gateway key's token limits hold exactly under 200 concurrent calls without {@code max_tokens}, in process and
 * through Redis: the sum of what the provider reported never exceeds the key's limits. The provider answers as long as
 * it is allowed to ({@code max_tokens}, or 50 tokens when the call sets none, as a chatty model does) and reports the
 * prompt as OpenAI counts it. The model has no limits of its own, so only the key's window holds the calls back.
 */
class GatewayKeyReservationTest {

    private static final int CALLS = 200;
    private static final int INPUT_PER_MINUTE = 100;
    private static final int OUTPUT_PER_MINUTE = 20;
    private static final int UNBOUNDED_ANSWER = 50;
    /** "Say hello": 2 tokens, 4 for the message's framing, 3 priming the reply. */
    private static final int PROMPT_TOKENS = 9;

    private final AtomicInteger reportedInput = new AtomicInteger();
    private final AtomicInteger reportedOutput = new AtomicInteger();

    @Test
    void should_not_overshoot_a_keys_token_limits_in_process_when_the_model_declares_its_maximum_output()
            throws Exception {
        GatewayKeyLimiter limiter = limiter(new InProcessRateLimiter(Clock.systemUTC()), 5, 8192);

        assertNoOvershoot(callConcurrently(List.of(limiter), key()));
    }

    @Test
    void should_not_overshoot_a_keys_token_limits_in_process_when_the_model_declares_nothing() throws Exception {
        GatewayKeyLimiter limiter = limiter(new InProcessRateLimiter(Clock.systemUTC()), 0, 0);

        assertNoOvershoot(callConcurrently(List.of(limiter), key()));
    }

    @Test
    void should_not_overshoot_a_keys_token_limits_through_redis_from_two_instances() throws Exception {
        String url = requireRedis();
        String prefix = "llmadmin-test:" + UUID.randomUUID() + ":";
        try (RedisRateLimiter first = RedisRateLimiter.create(url, prefix);
                RedisRateLimiter second = RedisRateLimiter.create(url, prefix)) {
            GatewayKeyView key = key();
            assertNoOvershoot(callConcurrently(List.of(limiter(first, 5, 8192), limiter(second, 5, 8192)), key));

            reportedInput.set(0);
            reportedOutput.set(0);
            GatewayKeyView other = key();
            assertNoOvershoot(callConcurrently(List.of(limiter(first, 0, 0), limiter(second, 0, 0)), other));
        }
    }

    @Test
    void should_reserve_the_models_maximum_output_capped_by_the_keys_output_per_minute() {
        GatewayKeyLimits limits = new GatewayKeyLimits(0, 0, 20);

        assertThat(GatewayKeyLimiter.outputReservation(limits, 5, 8192, 9).tokens())
                .isEqualTo(5);
        assertThat(GatewayKeyLimiter.outputReservation(limits, 0, 8192, 9).sentAsMaxTokens())
                .contains(20);
        assertThat(GatewayKeyLimiter.outputReservation(limits, 0, 0, 9).sentAsMaxTokens())
                .contains(20);
        // From the context alone, below the key's limit: reserved, not sent (the provider cannot answer more).
        assertThat(GatewayKeyLimiter.outputReservation(limits, 0, 19, 9))
                .isEqualTo(new GatewayKeyLimiter.OutputReservation(10, Optional.empty()));
        // A key that does not count output caps nothing.
        assertThat(GatewayKeyLimiter.outputReservation(new GatewayKeyLimits(0, 100, 0), 5, 8192, 9)
                        .sentAsMaxTokens())
                .isEmpty();
    }

    private static GatewayKeyLimiter limiter(RateLimiter rateLimiter, int maxOutput, int contextLength) {
        CatalogEntry model =
                new CatalogEntry("chatty", ModelType.CHAT, "Chatty", "d", contextLength, "Test", 1, maxOutput);
        return new GatewayKeyLimiter(rateLimiter, new ModelCatalog() {
            @Override
            public List<CatalogEntry> activeModels(ModelType type) {
                return List.of(model);
            }

            @Override
            public Optional<CatalogEntry> activeModel(String catalogId) {
                return Optional.of(model).filter(entry -> entry.id().equals(catalogId));
            }

            @Override
            public void invalidate() {}
        });
    }

    private static GatewayKeyView key() {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return new GatewayKeyView(
                id,
                "key-" + id,
                "llmk-ab",
                List.of(),
                new GatewayKeyLimits(0, INPUT_PER_MINUTE, OUTPUT_PER_MINUTE),
                false,
                OffsetDateTime.now(),
                null,
                null,
                null,
                0);
    }

    /** The provider: answers up to the call's max_tokens (or at length), reports what it used. */
    private TokenUsage provide(ChatCall sent) {
        int output = sent.maxTokens() == null ? UNBOUNDED_ANSWER : Math.min(sent.maxTokens(), UNBOUNDED_ANSWER);
        reportedInput.addAndGet(PROMPT_TOKENS);
        reportedOutput.addAndGet(output);
        return new TokenUsage(PROMPT_TOKENS, output);
    }

    /** Fires the calls at once, spread over the limiters (the instances), as the gateway does; counts the admitted. */
    private int callConcurrently(List<GatewayKeyLimiter> limiters, GatewayKeyView key) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                GatewayKeyLimiter limiter = limiters.get(i % limiters.size());
                outcomes.add(callers.submit(() -> {
                    go.await();
                    ChatCall call = ChatCall.builder("chatty")
                            .message(ChatMessage.user("Say hello"))
                            .build();
                    GatewayKeyLimiter.Reservation reservation;
                    try {
                        reservation = limiter.admit(key, call);
                    } catch (LlmRateLimitedException refused) {
                        return false;
                    }
                    reservation.settle(Optional.of(provide(reservation.applyTo(call))));
                    return true;
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
        assertThat(admitted).isPositive();
        assertThat(reportedInput.get()).isLessThanOrEqualTo(INPUT_PER_MINUTE);
        assertThat(reportedOutput.get()).isLessThanOrEqualTo(OUTPUT_PER_MINUTE);
    }

    /** The test Redis (LLMADMIN_TEST_REDIS_URL), or the test is skipped loudly unless LLMADMIN_REQUIRE_SERVICES. */
    private static String requireRedis() {
        String url =
                Optional.ofNullable(System.getenv("LLMADMIN_TEST_REDIS_URL")).orElse("redis://127.0.0.1:6379");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            it.llmadmin.MissingService.skipOrFail("Redis at " + url + " is not reachable", e);
        } finally {
            client.shutdown();
        }
        return url;
    }
}
