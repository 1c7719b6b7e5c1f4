package io.llmadmin.services.errors;

/** The provider could not be reached or failed on its side (connection refused or reset, HTTP 5xx). */
public final class LlmUnavailableException extends LlmException {

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
