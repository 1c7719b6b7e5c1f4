package io.llmadmin.services.llm;

import io.llmadmin.services.errors.LlmException;

/**
 * Receives a streamed answer. Calls come from one thread at a time, in order: deltas and tool call fragments, then
 * exactly one of {@link #onComplete} or {@link #onError} (neither after the stream was cancelled).
 */
public interface ChatStreamListener {

    /** A piece of the answer's text. */
    void onResponse(String delta);

    /** A piece of the model's reasoning. */
    default void onReasoning(String delta) {}

    /**
     * A piece of a tool call, as the provider streams it (providers that send a call whole send no fragments). The
     * calls in {@link #onComplete}'s result are the authority: their arguments equal a call's fragments added up.
     */
    default void onToolCallFragment(ToolCallFragment fragment) {}

    /**
     * The log probabilities of the tokens of the text that follows (OpenAI's {@code logprobs} object as JSON text), for
     * a call that asked for them, as the provider streams them: they come just before the {@link #onResponse} of the
     * same tokens (a {@code <think>} block being split off may hold that text back a little longer).
     */
    default void onLogprobs(String logprobsJson) {}

    /** A piece of a further choice of a call that asked for several ({@code n}); choice 0 comes as usual. */
    default void onChoiceDelta(ChoiceDelta delta) {}

    /** The whole answer (with its further choices, when asked for several); its text equals the deltas added up. */
    void onComplete(ChatResult result);

    /** The call failed; {@code partialOutput} holds what was streamed before, if anything. */
    void onError(LlmException failure, ChatResult partialOutput);
}
