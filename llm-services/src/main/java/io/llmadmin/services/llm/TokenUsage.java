package io.llmadmin.services.llm;

/**
 * Tokens a call used, as the provider reported them.
 *
 * @param inputTokens tokens of the prompt, those served from the provider's prompt cache included
 * @param outputTokens tokens of the answer (reasoning included)
 * @param cachedInputTokens of the input tokens, those the provider read from its prompt cache (OpenAI's
 *     {@code prompt_tokens_details.cached_tokens}, Anthropic's {@code cache_read_input_tokens}); priced at the model's
 *     cached-input price; 0 when none or not reported
 */
public record TokenUsage(int inputTokens, int outputTokens, int cachedInputTokens) {

    /** Counts without cached input tokens. */
    public TokenUsage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0);
    }

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached input tokens are part of the input tokens: at most "
                    + inputTokens + ", were " + cachedInputTokens);
        }
    }
}
