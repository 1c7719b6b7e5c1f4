package io.llmadmin.services.errors;

/** The request itself is wrong (a parameter out of range, a bad message list); {@link #parameter()} names what. */
public final class InvalidLlmRequestException extends LlmException {

    private final String parameter;

    public InvalidLlmRequestException(String parameter, String message) {
        this(parameter, message, null);
    }

    public InvalidLlmRequestException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
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
