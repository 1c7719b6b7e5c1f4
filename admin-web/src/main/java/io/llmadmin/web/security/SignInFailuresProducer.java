package io.llmadmin.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses where failed sign-ins are counted: shared through Redis when {@code REDIS_URL} is set (as the rate limits),
 * in this instance's memory otherwise. {@code SIGN_IN_REDIS_KEY_PREFIX} names the Redis keys.
 */
@ApplicationScoped
public class SignInFailuresProducer {

    private static final Logger LOG = Logger.getLogger(SignInFailuresProducer.class.getName());

    private final Optional<String> redisUrl;
    private final String keyPrefix;

    @Inject
    public SignInFailuresProducer(
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "SIGN_IN_REDIS_KEY_PREFIX", defaultValue = "llmadmin:signin:") String keyPrefix) {
        this.redisUrl = redisUrl.map(String::trim).filter(url -> !url.isEmpty());
        this.keyPrefix = keyPrefix;
    }

    /** For the CDI proxy only. */
    protected SignInFailuresProducer() {
        this.redisUrl = Optional.empty();
        this.keyPrefix = null;
    }

    @Produces
    @ApplicationScoped
    public SignInFailures signInFailures() {
        if (redisUrl.isPresent()) {
            RedisSignInFailures failures = new RedisSignInFailures(redisUrl.get(), keyPrefix);
            LOG.info(() -> "Failed sign-ins are counted by every instance together in Redis at " + failures.where());
            return failures;
        }
        LOG.info("Failed sign-ins are counted in this instance's memory; set REDIS_URL to share them");
        return new InMemorySignInFailures();
    }

    public void close(@Disposes SignInFailures failures) {
        if (failures instanceof RedisSignInFailures redis) {
            redis.close();
        }
    }
}
