package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.llm.ChatCall;

/**
 * A model's extra arguments ({@code extraKwargsJson}) as defaults of a call: {@code temperature}, {@code top_p} and
 * {@code max_tokens} apply when the call sets none (numbers or numeric strings, as the legacy settings wrote them). The
 * defaults are checked like the call's own values.
 */
final class ModelDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDefaults() {}

    static ChatCall apply(ChatCall call, ModelConfiguration model) {
        String kwargs = model.extraKwargsJson();
        if (kwargs == null || kwargs.isBlank()) {
            return call;
        }
        JsonNode defaults;
        try {
            defaults = JSON.readTree(kwargs);
        } catch (JsonProcessingException e) {
            throw new LlmNotConfiguredException(
                    "Model '" + model.catalogId() + "' has extra arguments that are not valid JSON");
        }
        if (!defaults.isObject()) {
            throw new LlmNotConfiguredException(
                    "Model '" + model.catalogId() + "' has extra arguments that are not a JSON object");
        }
        Double temperature = call.temperature() != null ? call.temperature() : number(defaults, "temperature", model);
        Double topP = call.topP() != null ? call.topP() : number(defaults, "top_p", model);
        Double maxTokens = call.maxTokens() != null ? null : number(defaults, "max_tokens", model);
        return new ChatCall(
                call.model(),
                call.messages(),
                temperature,
                topP,
                call.maxTokens() != null ? call.maxTokens() : maxTokens == null ? null : maxTokens.intValue(),
                call.jsonOutput(),
                call.tools(),
                call.timeout(),
                call.caller(),
                call.options());
    }

    private static Double number(JsonNode defaults, String name, ModelConfiguration model) {
        JsonNode value = defaults.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.valueOf(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new LlmNotConfiguredException(
                    "Model '" + model.catalogId() + "' has a non-numeric default for " + name);
        }
    }
}
