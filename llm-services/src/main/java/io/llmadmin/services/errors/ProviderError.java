package io.llmadmin.services.errors;

import java.util.Optional;

/**
 * What a provider said about a failed call, read from its error body, so an OpenAI-compatible front can keep the
 * meaning ({@code context_length_exceeded}, {@code content_filter}, ...) instead of a generic failure. The message is
 * the provider's own text, already stripped of anything secret and bounded; never the raw body.
 *
 * @param code the provider's error code ({@code context_length_exceeded}), or null
 * @param param the request parameter the provider blamed, or null
 * @param type the provider's error type ({@code invalid_request_error}), or null
 * @param message the provider's message, or null
 */
public record ProviderError(String code, String param, String type, String message) {

    public Optional<String> codeIfSet() {
        return Optional.ofNullable(code);
    }
}
