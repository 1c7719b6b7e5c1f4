package io.llmadmin.web.gateway;

import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.services.llm.ToolSpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's tool parameters: {@code tools} (functions with JSON Schema parameters) and {@code tool_choice}, and the
 * legacy {@code functions} / {@code function_call}, mapped onto the same tools. An empty list is no tools.
 *
 * @param tools the tools offered
 * @param choice the tool choice, or null for the provider's default
 * @param legacy whether the request used {@code functions}: the answer then says {@code function_call}
 */
record ToolParameters(List<ToolSpec> tools, ChatOptions.ToolChoice choice, boolean legacy) {

    static ToolParameters read(JsonObject request) {
        boolean hasTools = !JsonFields.absent(request, "tools");
        boolean hasFunctions = !JsonFields.absent(request, "functions");
        if (hasTools && hasFunctions && !request.getJsonArray("functions").isEmpty()) {
            throw OpenAiException.invalid("functions", "send either tools or the legacy functions, not both");
        }
        if (hasFunctions || (!hasTools && !JsonFields.absent(request, "function_call"))) {
            List<ToolSpec> tools = new ArrayList<>();
            JsonValue functions = request.get("functions");
            if (hasFunctions) {
                requireArray(functions, "functions");
                int index = 0;
                for (JsonValue function : functions.asJsonArray()) {
                    tools.add(function(function, "functions[" + index++ + "]", "functions"));
                }
            }
            return new ToolParameters(tools, choice(request.get("function_call"), "function_call", true), true);
        }
        List<ToolSpec> tools = new ArrayList<>();
        if (hasTools) {
            JsonValue value = request.get("tools");
            requireArray(value, "tools");
            int index = 0;
            for (JsonValue tool : value.asJsonArray()) {
                String where = "tools[" + index++ + "]";
                if (!(tool instanceof JsonObject object) || !"function".equals(object.getString("type", ""))) {
                    throw OpenAiException.invalid(
                            "tools", where + ": only tools of type 'function' are supported by this gateway");
                }
                tools.add(function(object.get("function"), where + ".function", "tools"));
            }
        }
        return new ToolParameters(tools, choice(request.get("tool_choice"), "tool_choice", false), false);
    }

    private static void requireArray(JsonValue value, String name) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw OpenAiException.invalid(name, name + " must be an array");
        }
    }

    private static ToolSpec function(JsonValue value, String where, String param) {
        if (!(value instanceof JsonObject function) || !(function.get("name") instanceof JsonString name)) {
            throw OpenAiException.invalid(param, where + " must be an object with a name");
        }
        JsonValue parameters = function.get("parameters");
        String schema;
        if (parameters == null || parameters.getValueType() == JsonValue.ValueType.NULL) {
            schema = "{\"type\":\"object\",\"properties\":{}}";
        } else if (parameters instanceof JsonObject object) {
            schema = object.toString();
        } else {
            throw OpenAiException.invalid(param, where + ".parameters must be a JSON Schema object");
        }
        boolean strict =
                function.get("strict") != null && function.get("strict").getValueType() == JsonValue.ValueType.TRUE;
        return ToolSpec.withSchema(name.getString(), function.getString("description", ""), schema, strict);
    }

    private static ChatOptions.ToolChoice choice(JsonValue value, String param, boolean legacy) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString mode) {
            return switch (mode.getString()) {
                case "auto" -> ChatOptions.ToolChoice.AUTO;
                case "none" -> ChatOptions.ToolChoice.NONE;
                case "required" -> {
                    if (legacy) {
                        throw OpenAiException.invalid(param, param + " must be 'auto', 'none' or {\"name\": ...}");
                    }
                    yield ChatOptions.ToolChoice.REQUIRED;
                }
                default ->
                    throw OpenAiException.invalid(
                            param, param + " must be 'auto', 'none', 'required' or a named function");
            };
        }
        if (value instanceof JsonObject object) {
            JsonValue function = legacy ? object : object.get("function");
            if ((legacy || "function".equals(object.getString("type", "")))
                    && function instanceof JsonObject named
                    && named.get("name") instanceof JsonString name) {
                return ChatOptions.ToolChoice.function(name.getString());
            }
        }
        throw OpenAiException.invalid(param, param + " must be 'auto', 'none', 'required' or a named function");
    }
}
