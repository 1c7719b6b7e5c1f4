package io.llmadmin.services.llm;

import io.llmadmin.services.errors.RateLimitHeadroom;
import java.util.List;
import java.util.Optional;

/**
 * The vectors of an embedding call, one per input text, in input order.
 *
 * @param model the catalog id of the model that embedded
 * @param vectors the vectors; all of {@link #dimensions()} length
 * @param usage the provider's token counts, when reported
 * @param rateLimits what the model's per-minute limits had left right after the call was admitted (none without limits)
 */
public record Embeddings(
        String model, List<float[]> vectors, Optional<TokenUsage> usage, RateLimitHeadroom rateLimits) {

    /** Vectors, without what the limits had left. */
    public Embeddings(String model, List<float[]> vectors, Optional<TokenUsage> usage) {
        this(model, vectors, usage, RateLimitHeadroom.NONE);
    }

    public Embeddings {
        vectors = List.copyOf(vectors);
        usage = usage == null ? Optional.empty() : usage;
        rateLimits = rateLimits == null ? RateLimitHeadroom.NONE : rateLimits;
    }

    /** The length of each vector (0 when there is none). */
    public int dimensions() {
        return vectors.isEmpty() ? 0 : vectors.get(0).length;
    }
}
