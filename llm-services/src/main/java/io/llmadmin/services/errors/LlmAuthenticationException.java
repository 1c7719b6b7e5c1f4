package io.llmadmin.services.errors;

/** The provider refused the credentials (HTTP 401/403). The key itself is never part of the message. */
public final class LlmAuthenticationException extends LlmException {

    public LlmAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
