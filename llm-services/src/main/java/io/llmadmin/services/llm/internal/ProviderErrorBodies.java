package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmadmin.services.errors.ProviderError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a provider's error body in any of the wire formats we call: OpenAI's and Mistral's
 * {@code {"error":{"message","type","param","code"}}} (Mistral also flat), Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}, Gemini's {@code {"error":{"code":400,"message","status"}}} and
 * Ollama's {@code {"error":"..."}}. A context overflow is named {@code context_length_exceeded} whatever the provider
 * called it, as OpenAI clients test for that code.
 */
final class ProviderErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile(
            "(?i)(maximum context length|context length|context window|prompt is too long|too many tokens|"
                    + "exceeds the maximum number of tokens|input token count)");

    private ProviderErrorBodies() {}

    /** What the body says, or empty when it is no JSON error we know. */
    static Optional<ProviderError> read(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        JsonNode error = root.get("error");
        JsonNode fields = error != null && error.isObject() ? error : root;
        String message = error != null && error.isTextual() ? error.asText() : text(fields, "message");
        if (message == null && error == null) {
            return Optional.empty();
        }
        String code = fields.path("code").isTextual() ? fields.get("code").asText() : null;
        String type = text(fields, "type");
        if (type == null) {
            type = text(fields, "status");
        }
        if (code == null && message != null && CONTEXT_OVERFLOW.matcher(message).find()) {
            code = "context_length_exceeded";
        }
        return Optional.of(new ProviderError(code, text(fields, "param"), type, message));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
