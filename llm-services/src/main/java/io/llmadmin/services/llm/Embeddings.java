package io.llmadmin.services.llm;

import java.util.List;
import java.util.Optional;

/**
 * The vectors of an embedding call, one per input text, in input order.
 *
 * @param model the catalog id of the model that embedded
 * @param vectors the vectors; all of {@link #dimensions()} length
 * @param usage the provider's token counts, when reported
 */
public record Embeddings(String model, List<float[]> vectors, Optional<TokenUsage> usage) {

    public Embeddings {
        vectors = List.copyOf(vectors);
        usage = usage == null ? Optional.empty() : usage;
    }

    /** The length of each vector (0 when there is none). */
    public int dimensions() {
        return vectors.isEmpty() ? 0 : vectors.get(0).length;
    }
}
