package io.llmadmin.services.llm;

import io.llmadmin.services.errors.RateLimitHeadroom;
import java.util.concurrent.CompletionStage;

/** A streaming call under way. */
public interface ChatStream {

    /**
     * Stops the call: the upstream request is aborted (its connection closed), no more events reach the listener, and
     * {@link #result()} completes exceptionally with a {@link java.util.concurrent.CancellationException}.
     */
    void cancel();

    boolean isCancelled();

    /**
     * The catalog id of the model serving the stream: the requested one, or the fallback that took over. Settled once
     * the first token has arrived (a fallback is only taken before it).
     */
    String model();

    /**
     * What the per-minute limits of the model serving the stream had left at its admission (none when it has no
     * limits). Settled, as {@link #model()}, once the first token has arrived.
     */
    default RateLimitHeadroom rateLimits() {
        return RateLimitHeadroom.NONE;
    }

    /** Completes with the whole answer, or exceptionally with the {@link io.llmadmin.services.errors.LlmException}. */
    CompletionStage<ChatResult> result();
}
