package io.llmadmin.services.llm;

/**
 * Tokens a call used, as the provider reported them.
 *
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the answer (reasoning included)
 */
public record TokenUsage(int inputTokens, int outputTokens) {

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }
}
