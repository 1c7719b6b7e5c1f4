package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ToolSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a call against the model before anything is sent; each failure names the parameter at fault. */
final class ChatCallChecks {

    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ChatCallChecks() {}

    static void requireType(ModelConfiguration model, ModelType expected) {
        if (model.type() != expected) {
            throw new InvalidLlmRequestException(
                    "model",
                    "model '" + model.catalogId() + "' is a " + model.type().apiName() + " model, not a "
                            + expected.apiName() + " model");
        }
    }

    static void check(ChatCall call, ModelConfiguration model) {
        requireType(model, ModelType.CHAT);
        if (call.temperature() != null && !(call.temperature() >= 0 && call.temperature() <= 2)) {
            throw new InvalidLlmRequestException(
                    "temperature", "temperature must be between 0 and 2, was " + call.temperature());
        }
        if (call.topP() != null && !(call.topP() >= 0 && call.topP() <= 1)) {
            throw new InvalidLlmRequestException("top_p", "top_p must be between 0 and 1, was " + call.topP());
        }
        if (call.maxTokens() != null) {
            if (call.maxTokens() < 1) {
                throw new InvalidLlmRequestException(
                        "max_tokens", "max_tokens must be at least 1, was " + call.maxTokens());
            }
            if (model.contextLength() > 0 && call.maxTokens() > model.contextLength()) {
                throw new InvalidLlmRequestException(
                        "max_tokens",
                        "max_tokens " + call.maxTokens() + " exceeds the context length of model '" + model.catalogId()
                                + "' (" + model.contextLength() + ")");
            }
        }
        if (!model.vision()
                && call.messages().stream()
                        .anyMatch(message -> !message.imageUrls().isEmpty())) {
            throw new InvalidLlmRequestException(
                    "images", "model '" + model.catalogId() + "' does not take images (it has no vision)");
        }
        for (ChatMessage message : call.messages()) {
            for (String url : message.imageUrls()) {
                if (url == null
                        || !(url.startsWith("https://")
                                || url.startsWith("http://")
                                || url.startsWith("data:image/"))) {
                    throw new InvalidLlmRequestException(
                            "images", "an image must be an http(s) URL or a data:image/...;base64 URL");
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (ToolSpec tool : call.tools()) {
            if (!TOOL_NAME.matcher(tool.name()).matches()) {
                throw new InvalidLlmRequestException(
                        "tools", "tools: the name '" + tool.name() + "' must be 1-64 letters, digits, '_' or '-'");
            }
            if (!names.add(tool.name())) {
                throw new InvalidLlmRequestException(
                        "tools", "tools must have distinct names; '" + tool.name() + "' is given twice");
            }
        }
        ChatOptionsMapping.check(call, model);
    }
}
