package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema as clients send it (OpenAI's tool {@code parameters}, {@code response_format.json_schema}) into
 * LangChain4j's schema elements, which each provider module renders in its own dialect (OpenAI's, Gemini's,
 * Anthropic's {@code input_schema}, Ollama's and Mistral's). The common keywords become typed elements, so every
 * provider understands them; anything else ({@code $ref}, {@code allOf}, ...) is passed on as raw JSON.
 */
final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {}

    /** A tool's parameters: a JSON Schema object. */
    static JsonObjectSchema objectSchema(String schemaJson, String parameter) {
        JsonNode root = parse(schemaJson, parameter);
        if (!root.isObject()
                || (root.has("type") && !"object".equals(root.path("type").asText()))) {
            throw new InvalidLlmRequestException(
                    parameter, parameter + ": the parameters must be a JSON Schema object");
        }
        return object(root);
    }

    /** Any schema, the root of a structured answer. */
    static JsonSchemaElement element(String schemaJson, String parameter) {
        return element(parse(schemaJson, parameter));
    }

    private static JsonNode parse(String schemaJson, String parameter) {
        try {
            return JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new InvalidLlmRequestException(parameter, parameter + ": the schema is not valid JSON");
        }
    }

    private static JsonSchemaElement element(JsonNode node) {
        if (!node.isObject()) {
            return JsonRawSchema.from(node.toString());
        }
        String description =
                node.hasNonNull("description") ? node.get("description").asText() : null;
        if (node.has("enum") && allStrings(node.get("enum"))) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(value -> values.add(value.asText()));
            return JsonEnumSchema.builder()
                    .enumValues(values)
                    .description(description)
                    .build();
        }
        if (node.has("anyOf") && node.get("anyOf").isArray()) {
            List<JsonSchemaElement> options = new ArrayList<>();
            node.get("anyOf").forEach(option -> options.add(element(option)));
            return JsonAnyOfSchema.builder()
                    .anyOf(options)
                    .description(description)
                    .build();
        }
        if (node.has("$ref") || node.has("allOf") || node.has("oneOf") || node.has("const")) {
            return JsonRawSchema.from(node.toString());
        }
        JsonNode type = node.get("type");
        if (type != null && type.isArray()) {
            List<JsonSchemaElement> options = new ArrayList<>();
            for (JsonNode one : type) {
                options.add(element(
                        ((com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy()).put("type", one.asText())));
            }
            return JsonAnyOfSchema.builder()
                    .anyOf(options)
                    .description(description)
                    .build();
        }
        String name = type == null ? (node.has("properties") ? "object" : "") : type.asText();
        return switch (name) {
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "integer" ->
                JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" ->
                JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            case "array" ->
                node.has("items")
                        ? JsonArraySchema.builder()
                                .items(element(node.get("items")))
                                .description(description)
                                .build()
                        : JsonRawSchema.from(node.toString());
            case "object" -> object(node);
            default -> JsonRawSchema.from(node.toString());
        };
    }

    private static JsonObjectSchema object(JsonNode node) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        if (node.hasNonNull("description")) {
            object.description(node.get("description").asText());
        }
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        node.path("properties")
                .fields()
                .forEachRemaining(entry -> properties.put(entry.getKey(), element(entry.getValue())));
        object.addProperties(properties);
        List<String> required = new ArrayList<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        object.required(required);
        if (node.has("additionalProperties") && node.get("additionalProperties").isBoolean()) {
            object.additionalProperties(node.get("additionalProperties").asBoolean());
        }
        JsonNode definitions = node.has("$defs") ? node.get("$defs") : node.get("definitions");
        if (definitions != null && definitions.isObject()) {
            Map<String, JsonSchemaElement> defs = new LinkedHashMap<>();
            definitions.fields().forEachRemaining(entry -> defs.put(entry.getKey(), element(entry.getValue())));
            object.definitions(defs);
        }
        return object.build();
    }

    private static boolean allStrings(JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            return false;
        }
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
