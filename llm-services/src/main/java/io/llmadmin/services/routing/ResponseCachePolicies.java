package io.llmadmin.services.routing;

import io.llmadmin.domain.routing.ResponseCachePolicy;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which models' answers are cached, and for how long: off for every model until an admin sets a TTL. */
public interface ResponseCachePolicies {

    /** Every model with a policy, by catalog id, to its TTL in seconds. */
    Map<String, Integer> all();

    /** The model's TTL, when its answers are cached. Served from a snapshot, so it may be a few seconds old. */
    Optional<Duration> ttlFor(String modelId);

    /**
     * Sets the model's TTL; 0 turns caching off for it.
     *
     * @throws UnknownEntityException when no model has this catalog id
     * @throws InvalidChangeException naming {@code ttlSeconds} when it is negative or above a day
     */
    void set(String actor, String modelId, int ttlSeconds);

    /**
     * What {@link #set} refuses in a TTL, as it says it: a form can show it with its other field errors before anything
     * is stored.
     *
     * @return the {@code ttlSeconds} field error, or nothing when the TTL is valid
     */
    static List<FieldError> ttlErrors(int ttlSeconds) {
        if (ttlSeconds < 0 || ttlSeconds > ResponseCachePolicy.MAX_TTL_SECONDS) {
            return List.of(new FieldError(
                    "ttlSeconds", "must be 0 (off) to " + ResponseCachePolicy.MAX_TTL_SECONDS + " seconds"));
        }
        return List.of();
    }
}
