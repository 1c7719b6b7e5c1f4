package io.llmadmin.services.errors;

/** The request itself is wrong (a parameter out of range, a bad message list); {@link #parameter()} names what. */
public final class InvalidLlmRequestException extends LlmException {

    private final String parameter;
    private final boolean contextWindowExceeded;

    public InvalidLlmRequestException(String parameter, String message) {
        this(parameter, message, null);
    }

    public InvalidLlmRequestException(String parameter, String message, Throwable cause) {
        this(parameter, message, cause, false);
    }

    private InvalidLlmRequestException(String parameter, String message, Throwable cause, boolean contextWindow) {
        super(message, cause);
        this.parameter = parameter;
        this.contextWindowExceeded = contextWindow;
    }

    /**
     * The request does not fit the model's context window: wrong for this model, but a model with a larger window may
     * take it, so the call pipeline falls back to one.
     */
    public static InvalidLlmRequestException contextWindowExceeded(String message, Throwable cause) {
        return new InvalidLlmRequestException("messages", message, cause, true);
    }

    /** Whether the request was refused for not fitting the model's context window. */
    public boolean contextWindowExceeded() {
        return contextWindowExceeded;
    }

    /** The request parameter at fault, or {@code null} when the provider did not say. */
    public String parameter() {
        return parameter;
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
