package io.llmadmin.services.errors;

/** The provider did not answer in time (a client timeout, or HTTP 408/504). */
public final class LlmTimeoutException extends LlmException {

    public LlmTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
