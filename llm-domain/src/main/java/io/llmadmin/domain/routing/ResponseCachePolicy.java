package io.llmadmin.domain.routing;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How long the answers of one model may be served again from the response cache. A model without a policy is not
 * cached: caching changes what a client sees (the same answer twice), so an admin turns it on per model.
 */
@Entity
@Cacheable(false)
@Table(name = "response_cache_policy")
public class ResponseCachePolicy {

    public static final int MAX_MODEL_ID_LENGTH = 100;

    /** A day: an answer kept longer than that is more likely stale than useful. */
    public static final int MAX_TTL_SECONDS = 86_400;

    @Id
    @Column(name = "model_id", nullable = false, length = MAX_MODEL_ID_LENGTH)
    private String modelId;

    @Column(name = "ttl_seconds", nullable = false)
    private int ttlSeconds;

    /** For JPA only. */
    protected ResponseCachePolicy() {}

    /**
     * @param modelId the model's catalog id
     * @param ttlSeconds 1 to {@value #MAX_TTL_SECONDS}
     */
    public ResponseCachePolicy(String modelId, int ttlSeconds) {
        if (modelId == null || modelId.isBlank() || modelId.length() > MAX_MODEL_ID_LENGTH) {
            throw new IllegalArgumentException("modelId must be 1 to " + MAX_MODEL_ID_LENGTH + " characters");
        }
        this.modelId = modelId;
        changeTtl(ttlSeconds);
    }

    public String modelId() {
        return modelId;
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }

    public void changeTtl(int seconds) {
        if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("ttlSeconds must be 1 to " + MAX_TTL_SECONDS);
        }
        this.ttlSeconds = seconds;
    }

    @Override
    public String toString() {
        return "ResponseCachePolicy[" + modelId + ", " + ttlSeconds + " s]";
    }
}
