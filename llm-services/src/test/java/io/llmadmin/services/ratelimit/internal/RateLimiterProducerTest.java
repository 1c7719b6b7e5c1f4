package io.llmadmin.services.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.testsupport.TestRedis;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterProducerTest {

    @Test
    void should_keep_limits_in_process_when_redis_url_is_not_set() {
        RateLimiterProducer producer = new RateLimiterProducer(Optional.empty(), "p:");

        assertThat(producer.rateLimiter()).isInstanceOf(InProcessRateLimiter.class);
        assertThat(new RateLimiterProducer(Optional.of("  "), "p:").rateLimiter())
                .isInstanceOf(InProcessRateLimiter.class);
    }

    @Test
    void should_share_limits_through_redis_and_close_the_client_when_redis_url_is_set() {
        String url = TestRedis.requireUrl();
        String prefix = TestRedis.uniquePrefix();
        RateLimiterProducer producer = new RateLimiterProducer(Optional.of(url), prefix);
        RateLimiter limiter = producer.rateLimiter();
        try {
            assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
            limiter.admit("m", new RateLimits(1, 0, 0), 0, 0);
            RateLimiter otherInstance = new RateLimiterProducer(Optional.of(url), prefix).rateLimiter();
            try {
                assertThatThrownBy(() -> otherInstance.admit("m", new RateLimits(1, 0, 0), 0, 0))
                        .hasMessageContaining("1/1 requests");
            } finally {
                ((RedisRateLimiter) otherInstance).close();
            }

            producer.close(limiter);

            assertThatThrownBy(() -> limiter.admit("m", RateLimits.UNLIMITED, 0, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        } finally {
            TestRedis.deleteKeys(url, prefix);
        }
    }
}
