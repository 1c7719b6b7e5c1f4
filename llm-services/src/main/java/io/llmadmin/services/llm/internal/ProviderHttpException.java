package io.llmadmin.services.llm.internal;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** A provider's non-2xx answer, with the Retry-After it sent (LangChain4j's own exception drops the headers). */
final class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The Retry-After header as a duration, or null when absent or unreadable. */
    Duration retryAfter() {
        return retryAfter;
    }
}
