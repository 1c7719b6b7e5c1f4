package io.llmadmin.services.llm;

import java.util.List;

/**
 * A piece of a further choice (index 1, 2, ...) of a stream that asked for several ({@code n}), as the provider
 * streamed it. Choice 0 arrives through {@link ChatStreamListener}'s other methods, as in a stream of one choice.
 *
 * @param index the choice's index (1 or more)
 * @param response the next piece of its text; never null
 * @param reasoning the next piece of its reasoning; never null
 * @param toolCalls the pieces of its tool calls in this chunk; never null
 * @param logprobsJson the log probabilities of this piece's tokens (OpenAI's {@code logprobs} object as JSON text), or
 *     null
 */
public record ChoiceDelta(
        int index, String response, String reasoning, List<ToolCallFragment> toolCalls, String logprobsJson) {

    public ChoiceDelta {
        response = response == null ? "" : response;
        reasoning = reasoning == null ? "" : reasoning;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
    }

    /** Whether the piece carries nothing to send. */
    public boolean isEmpty() {
        return response.isEmpty() && reasoning.isEmpty() && toolCalls.isEmpty() && logprobsJson == null;
    }
}
