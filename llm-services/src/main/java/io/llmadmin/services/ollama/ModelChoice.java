package io.llmadmin.services.ollama;

import java.util.List;

/**
 * The answer to a selection: the chosen model, every candidate that fits in rank order, and why.
 *
 * @param chosen the first of {@code ranked}
 * @param ranked the models that fit, smallest first, then fastest (measured mean latency), then by id
 * @param explanation a sentence saying why the first one won
 */
public record ModelChoice(Candidate chosen, List<Candidate> ranked, String explanation) {

    public ModelChoice {
        ranked = List.copyOf(ranked);
    }

    /**
     * One model that fits.
     *
     * @param catalogId its catalog id
     * @param provider its provider
     * @param contextLength its context window (0 = unknown)
     * @param sizeBytes its size on disk, or null when unknown (cloud models, unreachable servers)
     * @param category its size category, or null
     * @param averageLatencyMillis its mean latency over the last 7 days of usage, or null when unused
     */
    public record Candidate(
            String catalogId,
            String provider,
            int contextLength,
            Long sizeBytes,
            SizeCategory category,
            Long averageLatencyMillis) {}
}
