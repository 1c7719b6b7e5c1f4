package io.llmadmin.services.errors;

/** The model or its provider is not set up to be called: no key, LLM use disabled, unknown provider. */
public final class LlmNotConfiguredException extends LlmException {

    public LlmNotConfiguredException(String message) {
        super(message, null);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
