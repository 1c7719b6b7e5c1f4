package io.llmadmin.legacy;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.ChatStreamListener;

/**
 * A streamed {@code unified_call} failed after output had started: it is not retried, and what arrived before the
 * failure is attached. The cause is the services' {@link LlmException} (for example a timeout or a reset connection).
 *
 * @deprecated Use {@link ChatStreamListener#onError(LlmException, io.llmadmin.services.llm.ChatResult)} instead,
 *     which hands over the partial output.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatStreamListener")
public final class PartialResponseError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseAndReasoning partialResult;

    PartialResponseError(LlmException cause, ResponseAndReasoning partialResult) {
        super("The stream failed after output had started: " + cause.getMessage(), cause);
        this.partialResult = partialResult;
    }

    /**
     * What was streamed before the failure.
     *
     * @deprecated Use {@link ChatStreamListener#onError(LlmException, io.llmadmin.services.llm.ChatResult)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ResponseAndReasoning partialResult() {
        return partialResult;
    }

    /**
     * The services' failure.
     *
     * @deprecated Use {@link LlmException} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    @Override
    public synchronized LlmException getCause() {
        return (LlmException) super.getCause();
    }
}
