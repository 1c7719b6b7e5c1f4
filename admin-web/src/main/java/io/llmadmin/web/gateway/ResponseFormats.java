package io.llmadmin.web.gateway;

import io.llmadmin.services.llm.ChatOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** OpenAI's {@code response_format}: {@code text}, {@code json_object}, or {@code json_schema} (structured output). */
final class ResponseFormats {

    private ResponseFormats() {}

    /** Whether the answer must be some JSON object ({@code json_object}). */
    static boolean jsonObject(JsonObject request) {
        return type(request).equals("json_object");
    }

    /** The schema of a {@code json_schema} format, or null. */
    static ChatOptions.ResponseSchema schema(JsonObject request) {
        if (!type(request).equals("json_schema")) {
            return null;
        }
        JsonObject format = request.getJsonObject("response_format");
        if (!(format.get("json_schema") instanceof JsonObject jsonSchema)) {
            throw OpenAiException.invalid(
                    "response_format", "response_format.json_schema must be an object with a name and a schema");
        }
        return schema(jsonSchema, "response_format");
    }

    /** A {@code {name, schema, strict}} object, as Chat Completions and the Responses API both spell it. */
    static ChatOptions.ResponseSchema schema(JsonObject jsonSchema, String param) {
        if (!(jsonSchema.get("schema") instanceof JsonObject schema)) {
            throw OpenAiException.invalid(param, param + ": the json_schema needs a 'schema' object");
        }
        String name = jsonSchema.getString("name", "");
        if (name.isBlank()) {
            throw OpenAiException.invalid(param, param + ": the json_schema needs a 'name'");
        }
        boolean strict =
                jsonSchema.get("strict") != null && jsonSchema.get("strict").getValueType() == JsonValue.ValueType.TRUE;
        return new ChatOptions.ResponseSchema(name, schema.toString(), strict);
    }

    private static String type(JsonObject request) {
        JsonValue format = request.get("response_format");
        if (format == null || format.getValueType() == JsonValue.ValueType.NULL) {
            return "text";
        }
        String type = format instanceof JsonObject object ? object.getString("type", "") : "";
        return switch (type) {
            case "text", "json_object", "json_schema" -> type;
            default ->
                throw OpenAiException.invalid(
                        "response_format", "response_format.type must be 'text', 'json_object' or 'json_schema'");
        };
    }
}
