package io.llmadmin.services.routing.internal;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.routing.ResponseCache;
import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The response cache: keyed on the SHA-256 of the model and the normalised request, kept for the model's TTL, in Redis
 * when {@code REDIS_URL} is set (every instance serves what any instance kept) or in this instance's memory (at most
 * {@code RESPONSE_CACHE_MAX_ENTRIES}, 10,000). A store that fails (Redis down) is a miss, never a failed call: the
 * cache only ever saves an upstream call.
 */
@ApplicationScoped
public class DefaultResponseCache implements ResponseCache {

    private static final Logger LOG = Logger.getLogger(DefaultResponseCache.class.getName());

    private final ResponseCachePolicies policies;
    private final AnswerStore store;

    @Inject
    public DefaultResponseCache(
            ResponseCachePolicies policies,
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "RESPONSE_CACHE_REDIS_KEY_PREFIX", defaultValue = "llmadmin:response-cache:")
                    String keyPrefix,
            @ConfigProperty(name = "RESPONSE_CACHE_MAX_ENTRIES", defaultValue = "10000") int maxEntries) {
        this(
                policies,
                redisUrl.map(String::trim)
                        .filter(url -> !url.isEmpty())
                        .<AnswerStore>map(url -> RedisAnswerStore.create(url, keyPrefix))
                        .orElseGet(() -> new InProcessAnswerStore(maxEntries, Clock.systemUTC())));
        LOG.info(() -> "Cached responses (for models with a cache TTL) are kept in " + store.where());
    }

    DefaultResponseCache(ResponseCachePolicies policies, AnswerStore store) {
        this.policies = policies;
        this.store = store;
    }

    /** For the CDI proxy only. */
    protected DefaultResponseCache() {
        this.policies = null;
        this.store = null;
    }

    /** A Redis store, for a test against the real Redis that proves two instances share answers. */
    static DefaultResponseCache sharedThroughRedis(ResponseCachePolicies policies, String redisUrl, String keyPrefix) {
        return new DefaultResponseCache(policies, RedisAnswerStore.create(redisUrl, keyPrefix));
    }

    @Override
    public boolean enabledFor(String modelId) {
        return policies.ttlFor(modelId).isPresent();
    }

    @Override
    public Optional<ChatResult> find(String modelId, String normalisedRequest) {
        if (!enabledFor(modelId)) {
            return Optional.empty();
        }
        try {
            return store.get(key(modelId, normalisedRequest)).map(AnswerCodec::decode);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The response cache could not be read; the call goes upstream", e);
            return Optional.empty();
        }
    }

    @Override
    public void store(String modelId, String normalisedRequest, ChatResult answer) {
        Optional<Duration> ttl = policies.ttlFor(modelId);
        if (ttl.isEmpty()) {
            return;
        }
        try {
            store.put(key(modelId, normalisedRequest), AnswerCodec.encode(answer), ttl.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An answer could not be kept in the response cache", e);
        }
    }

    /** A hash, so a key never shows a prompt; the model is part of it, so two models never share an answer. */
    static String key(String modelId, String normalisedRequest) {
        return HexFormat.of().formatHex(WeightedChoice.sha256(modelId + '\n' + normalisedRequest));
    }

    @PreDestroy
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
