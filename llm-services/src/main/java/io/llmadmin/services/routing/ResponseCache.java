package io.llmadmin.services.routing;

import io.llmadmin.services.llm.ChatResult;
import java.util.Optional;

/**
 * Answers kept for the exact same request. The caller normalises the request (the model, the messages and every
 * parameter that changes the answer, in a canonical form); the cache keys on its SHA-256, so neither prompts nor
 * answers are ever a key. A model is cached only while it has a {@link ResponseCachePolicies policy}.
 */
public interface ResponseCache {

    /** The kept answer of this request to this model, if its policy is on and the answer is younger than its TTL. */
    Optional<ChatResult> find(String modelId, String normalisedRequest);

    /** Keeps the answer for the model's TTL; does nothing when the model has no policy. Never throws. */
    void store(String modelId, String normalisedRequest, ChatResult answer);

    /** Whether the model's answers are cached at all (it has a policy). */
    boolean enabledFor(String modelId);
}
