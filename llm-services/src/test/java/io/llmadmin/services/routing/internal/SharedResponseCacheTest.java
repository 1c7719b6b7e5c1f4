package io.llmadmin.services.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.routing.ResponseCachePolicies;
import io.llmadmin.services.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The response cache of two instances on the real Redis: what one keeps, the other serves, until the model's TTL has
 * passed; a model without a policy is never kept. In process, an answer expires with the TTL too.
 */
class SharedResponseCacheTest {

    private static final String REQUEST = "{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\"}";
    private static final ChatResult ANSWER = new ChatResult(
            "m",
            "Hello",
            "thinking",
            List.of(new ToolCall("call_1", "lookup", "{\"q\":1}")),
            Optional.of(new TokenUsage(11, 4)),
            Optional.of("stop"));

    private final String prefix = TestRedis.uniquePrefix();
    private String url;

    /** Policies fixed in memory: the JPA ones are tested through the server. */
    private static ResponseCachePolicies policies(Map<String, Integer> ttls) {
        return new ResponseCachePolicies() {
            @Override
            public Map<String, Integer> all() {
                return ttls;
            }

            @Override
            public Optional<Duration> ttlFor(String modelId) {
                return Optional.ofNullable(ttls.get(modelId)).map(Duration::ofSeconds);
            }

            @Override
            public void set(String actor, String modelId, int ttlSeconds) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @AfterEach
    void deleteKeys() {
        if (url != null) {
            TestRedis.deleteKeys(url, prefix);
        }
    }

    @Test
    void should_serve_on_one_instance_the_answer_another_instance_kept_until_its_ttl_passes() throws Exception {
        url = TestRedis.requireUrl();
        DefaultResponseCache first = DefaultResponseCache.sharedThroughRedis(policies(Map.of("m", 1)), url, prefix);
        DefaultResponseCache second = DefaultResponseCache.sharedThroughRedis(policies(Map.of("m", 1)), url, prefix);
        try {
            assertThat(second.find("m", REQUEST)).isEmpty();

            first.store("m", REQUEST, ANSWER);

            assertThat(second.find("m", REQUEST)).contains(ANSWER);
            assertThat(second.find("m", REQUEST + " ")).isEmpty();
            assertThat(second.find("other", REQUEST)).isEmpty();
            Thread.sleep(1_200);
            assertThat(second.find("m", REQUEST)).isEmpty();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void should_keep_nothing_for_a_model_without_a_policy() {
        url = TestRedis.requireUrl();
        DefaultResponseCache cache = DefaultResponseCache.sharedThroughRedis(policies(Map.of()), url, prefix);
        DefaultResponseCache withPolicy =
                DefaultResponseCache.sharedThroughRedis(policies(Map.of("m", 60)), url, prefix);
        try {
            cache.store("m", REQUEST, ANSWER);

            assertThat(cache.enabledFor("m")).isFalse();
            assertThat(withPolicy.find("m", REQUEST)).isEmpty();
        } finally {
            cache.close();
            withPolicy.close();
        }
    }

    @Test
    void should_forget_an_answer_in_process_once_its_ttl_has_passed_and_refuse_more_than_its_bound() {
        MovableClock clock = new MovableClock();
        DefaultResponseCache cache =
                new DefaultResponseCache(policies(Map.of("m", 60)), new InProcessAnswerStore(1, clock));

        cache.store("m", REQUEST, ANSWER);
        cache.store("m", "another request", ANSWER);

        assertThat(cache.find("m", REQUEST)).contains(ANSWER);
        assertThat(cache.find("m", "another request")).isEmpty();
        clock.now = clock.now.plusSeconds(60);
        assertThat(cache.find("m", REQUEST)).isEmpty();
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
