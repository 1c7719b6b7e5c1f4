package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ToolSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a call against the model's registry entry before anything is sent (on every call, and for each fallback
 * before it is tried); each failure names the parameter at fault and what the model allows.
 */
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
        check(call, model, false);
    }

    /**
     * Checks a call against the model's registry entry: its parameter ranges (temperature, top_p, max tokens) and its
     * capabilities (streaming, tools, JSON output, vision, reasoning). A refusal names the parameter and what the model allows.
     *
     * @param streaming whether the call is to be streamed
     */
    static void check(ChatCall call, ModelConfiguration model, boolean streaming) {
        requireType(model, ModelType.CHAT);
        ParameterRanges ranges = model.parameterRanges();
        if (call.temperature() != null
                && !(call.temperature() >= ranges.temperatureMin() && call.temperature() <= ranges.temperatureMax())) {
            throw new InvalidLlmRequestException(
                    "temperature",
                    "temperature must be between " + number(ranges.temperatureMin()) + " and "
                            + number(ranges.temperatureMax()) + " for model '" + model.catalogId() + "', was "
                            + call.temperature());
        }
        if (call.topP() != null && !(call.topP() >= ranges.topPMin() && call.topP() <= ranges.topPMax())) {
            throw new InvalidLlmRequestException(
                    "top_p",
                    "top_p must be between " + number(ranges.topPMin()) + " and " + number(ranges.topPMax())
                            + " for model '" + model.catalogId() + "', was " + call.topP());
        }
        if (call.maxTokens() != null) {
            if (call.maxTokens() < 1) {
                throw new InvalidLlmRequestException(
                        "max_tokens", "max_tokens must be at least 1, was " + call.maxTokens());
            }
            if (ranges.maxOutputTokens() > 0 && call.maxTokens() > ranges.maxOutputTokens()) {
                throw new InvalidLlmRequestException(
                        "max_tokens",
                        "max_tokens must be between 1 and " + ranges.maxOutputTokens() + " for model '"
                                + model.catalogId() + "', was " + call.maxTokens());
            }
            if (model.contextLength() > 0 && call.maxTokens() > model.contextLength()) {
                throw new InvalidLlmRequestException(
                        "max_tokens",
                        "max_tokens " + call.maxTokens() + " exceeds the context length of model '" + model.catalogId()
                                + "' (" + model.contextLength() + ")");
            }
        }
        ModelCapabilities capabilities = model.capabilities();
        if (streaming && !capabilities.streaming()) {
            throw new InvalidLlmRequestException(
                    "stream", "model '" + model.catalogId() + "' does not stream; call it without stream");
        }
        if (!call.tools().isEmpty() && !capabilities.tools()) {
            throw new InvalidLlmRequestException("tools", "model '" + model.catalogId() + "' does not take tools");
        }
        if (call.jsonOutput() && !capabilities.jsonOutput()) {
            throw new InvalidLlmRequestException(
                    "response_format",
                    "response_format json_object: model '" + model.catalogId() + "' has no JSON output mode");
        }
        if (call.options().reasoningEffort() != null && !capabilities.reasoning()) {
            throw new InvalidLlmRequestException(
                    "reasoning_effort",
                    "reasoning_effort: model '" + model.catalogId()
                            + "' is not a reasoning model (its capabilities do not declare reasoning)");
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

    /** 2.0 as "2", 0.95 as "0.95": ranges read as people write them. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
