package io.llmadmin.services.errors;

/** The model (or the resource asked for) does not exist, here or at the provider (HTTP 404). */
public final class LlmNotFoundException extends LlmException {

    public LlmNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
