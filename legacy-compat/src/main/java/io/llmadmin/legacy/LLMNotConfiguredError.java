package io.llmadmin.legacy;

import io.llmadmin.services.errors.LlmNotConfiguredException;

/**
 * The legacy {@code LLMNotConfiguredError}: the model or its provider cannot be called as configured (no key, a
 * placeholder key, LLM use disabled). Unchecked, as the Python {@code RuntimeError} was; its cause is the services'
 * {@link LlmNotConfiguredException}, whose message it carries. Never names a key.
 *
 * @deprecated Use {@link LlmNotConfiguredException} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.errors.LlmNotConfiguredException")
public class LLMNotConfiguredError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps the services' exception, keeping its message.
     *
     * @deprecated Use {@link LlmNotConfiguredException} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public LLMNotConfiguredError(LlmNotConfiguredException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * A new error with this message (the services' exception with the same message is its cause).
     *
     * @deprecated Use {@link LlmNotConfiguredException} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public LLMNotConfiguredError(String message) {
        this(new LlmNotConfiguredException(message));
    }

    /**
     * The services' exception underneath.
     *
     * @deprecated Use {@link LlmNotConfiguredException} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    @Override
    public synchronized LlmNotConfiguredException getCause() {
        return (LlmNotConfiguredException) super.getCause();
    }
}
