package io.llmadmin.services.ratelimit.internal;

import io.llmadmin.services.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the application's one {@link RateLimiter} from the configuration: shared through Redis when {@code REDIS_URL}
 * is set, in-process otherwise. The Redis client is closed when the application stops.
 */
@ApplicationScoped
public class RateLimiterProducer {

    private static final Logger LOG = Logger.getLogger(RateLimiterProducer.class.getName());

    private final Optional<String> redisUrl;
    private final String keyPrefix;

    @Inject
    public RateLimiterProducer(
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "RATE_LIMIT_REDIS_KEY_PREFIX", defaultValue = "llmadmin:ratelimit:")
                    String keyPrefix) {
        this.redisUrl = redisUrl.map(String::trim).filter(url -> !url.isEmpty());
        this.keyPrefix = keyPrefix;
    }

    /** For the CDI proxy only. */
    protected RateLimiterProducer() {
        this.redisUrl = Optional.empty();
        this.keyPrefix = null;
    }

    @Produces
    @ApplicationScoped
    public RateLimiter rateLimiter() {
        if (redisUrl.isPresent()) {
            RedisRateLimiter limiter = RedisRateLimiter.create(redisUrl.get(), keyPrefix);
            LOG.info(() -> "Rate limits are shared by every instance through Redis at " + limiter.where());
            return limiter;
        }
        LOG.info("Rate limits are kept in this instance's memory; set REDIS_URL to share them between instances");
        return new InProcessRateLimiter(Clock.systemUTC());
    }

    public void close(@Disposes RateLimiter limiter) {
        if (limiter instanceof RedisRateLimiter redis) {
            redis.close();
            LOG.info(() -> "Rate limiter's Redis client at " + redis.where() + " closed");
        }
    }
}
