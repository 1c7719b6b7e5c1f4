package io.llmadmin.services.llm;

import io.llmadmin.services.errors.LlmException;

/**
 * Receives a streamed answer. Calls come from one thread at a time, in order: deltas, then exactly one of
 * {@link #onComplete} or {@link #onError} (neither after the stream was cancelled).
 */
public interface ChatStreamListener {

    /** A piece of the answer's text. */
    void onResponse(String delta);

    /** A piece of the model's reasoning. */
    default void onReasoning(String delta) {}

    /** The whole answer; its text equals the deltas added up. */
    void onComplete(ChatResult result);

    /** The call failed; {@code partialOutput} holds what was streamed before, if anything. */
    void onError(LlmException failure, ChatResult partialOutput);
}
