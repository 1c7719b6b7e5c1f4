package io.llmadmin.legacy;

import io.llmadmin.services.llm.ChatResult;

/**
 * What {@code unified_call} returned: the tuple {@code (response, reasoning)}.
 *
 * @param response the answer's text, without reasoning; never null
 * @param reasoning the model's reasoning; empty when none
 * @deprecated Use {@link ChatResult} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatResult")
public record ResponseAndReasoning(String response, String reasoning) {

    /**
     * Null reads as empty.
     *
     * @deprecated Use {@link ChatResult} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ResponseAndReasoning {
        response = response == null ? "" : response;
        reasoning = reasoning == null ? "" : reasoning;
    }
}
