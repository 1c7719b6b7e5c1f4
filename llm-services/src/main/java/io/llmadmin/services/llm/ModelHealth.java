package io.llmadmin.services.llm;

import java.util.List;

/**
 * Whether each model answers: a probe is one tiny call straight to the model (no retries, no fallbacks, past any
 * cool-down, recorded as usage by {@code health-probe}), on demand or every {@code LLM_HEALTH_PROBE_SECONDS}.
 */
public interface ModelHealth {

    /**
     * Probes one active chat or embedding model now.
     *
     * @throws io.llmadmin.services.errors.LlmNotFoundException when no active model has this id
     * @throws io.llmadmin.services.errors.InvalidLlmRequestException naming {@code model} when it is an image or speech
     *     model (a probe would cost a generation)
     */
    ModelHealthView probe(String catalogId);

    /** The last probe of every model probed so far, by catalog id. */
    List<ModelHealthView> lastProbes();
}
