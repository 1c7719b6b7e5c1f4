package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.UUID;

/**
 * The Responses API's shapes: the {@code response} object and its output items ({@code reasoning}, {@code message}
 * with {@code output_text}, {@code function_call}), in the order OpenAI gives them.
 */
final class ResponsesOutput {

    private ResponsesOutput() {}

    static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The output items of an answer; item ids come from {@code ids}, so a stream and its final object agree. */
    static JsonArray items(ChatResult result, ItemIds ids) {
        JsonArrayBuilder output = JSON.createArrayBuilder();
        if (!result.reasoning().isEmpty()) {
            output.add(reasoningItem(ids.reasoning(), result.reasoning()));
        }
        if (!result.response().isEmpty() || result.toolCalls().isEmpty()) {
            output.add(messageItem(ids.message(), result.response(), "completed"));
        }
        for (int i = 0; i < result.toolCalls().size(); i++) {
            output.add(functionCallItem(ids.functionCall(i), result.toolCalls().get(i), "completed"));
        }
        return output.build();
    }

    static JsonObject reasoningItem(String id, String text) {
        return JSON.createObjectBuilder()
                .add("type", "reasoning")
                .add("id", id)
                .add("summary", JSON.createArrayBuilder())
                .add(
                        "content",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("type", "reasoning_text")
                                        .add("text", text)))
                .build();
    }

    static JsonObject messageItem(String id, String text, String status) {
        JsonArrayBuilder content = JSON.createArrayBuilder();
        if (text != null) {
            content.add(outputText(text));
        }
        return JSON.createObjectBuilder()
                .add("type", "message")
                .add("id", id)
                .add("status", status)
                .add("role", "assistant")
                .add("content", content)
                .build();
    }

    static JsonObject outputText(String text) {
        return JSON.createObjectBuilder()
                .add("type", "output_text")
                .add("text", text)
                .add("annotations", JSON.createArrayBuilder())
                .add("logprobs", JSON.createArrayBuilder())
                .build();
    }

    static JsonObject functionCallItem(String id, ToolCall call, String status) {
        return functionCallItem(id, OpenAiResponses.callId(call), call.name(), call.argumentsJson(), status);
    }

    static JsonObject functionCallItem(String id, String callId, String name, String arguments, String status) {
        return JSON.createObjectBuilder()
                .add("type", "function_call")
                .add("id", id)
                .add("call_id", callId)
                .add("name", name)
                .add("arguments", arguments)
                .add("status", status)
                .build();
    }

    /**
     * The response object.
     *
     * @param status {@code in_progress}, {@code completed}, {@code incomplete} or {@code failed}
     * @param output its output items
     * @param result the answer, for usage and the incomplete reason; null while in progress
     * @param error the failure's OpenAI error object, or null
     */
    static JsonObject response(
            String id,
            long createdAt,
            ResponsesRequest request,
            String status,
            JsonArray output,
            ChatResult result,
            JsonObject error,
            String previousResponseId) {
        JsonObjectBuilder response = JSON.createObjectBuilder()
                .add("id", id)
                .add("object", "response")
                .add("created_at", createdAt)
                .add("status", status)
                .add("model", request.call().model())
                .add("output", output);
        addOrNull(response, "instructions", request.instructions());
        addOrNull(response, "previous_response_id", previousResponseId);
        if (error == null) {
            response.addNull("error");
        } else {
            response.add("error", error);
        }
        if (result != null && result.finishReason().filter("length"::equals).isPresent()) {
            response.add("incomplete_details", JSON.createObjectBuilder().add("reason", "max_output_tokens"));
        } else {
            response.addNull("incomplete_details");
        }
        response.add(
                "parallel_tool_calls",
                !Boolean.FALSE.equals(request.call().options().parallelToolCalls()));
        var choice = request.call().options().toolChoice();
        if (choice != null && choice.function() != null) {
            response.add(
                    "tool_choice",
                    JSON.createObjectBuilder().add("type", "function").add("name", choice.function()));
        } else {
            response.add(
                    "tool_choice",
                    choice == null ? "auto" : choice.mode().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        request.call()
                .tools()
                .forEach(tool -> tools.add(JSON.createObjectBuilder()
                        .add("type", "function")
                        .add("name", tool.name())
                        .add("description", tool.description())
                        .add(
                                "parameters",
                                GatewayJson.parse(
                                        tool.parametersSchemaJson() == null ? "{}" : tool.parametersSchemaJson()))
                        .add("strict", tool.strict())));
        response.add("tools", tools);
        addOrNull(response, "temperature", request.call().temperature());
        addOrNull(response, "top_p", request.call().topP());
        if (request.call().maxTokens() == null) {
            response.addNull("max_output_tokens");
        } else {
            response.add("max_output_tokens", request.call().maxTokens());
        }
        response.add("store", request.store());
        JsonObjectBuilder metadata = JSON.createObjectBuilder();
        request.metadata().forEach(metadata::add);
        response.add("metadata", metadata);
        var schema = request.call().options().responseSchema();
        JsonObjectBuilder format = JSON.createObjectBuilder();
        if (schema != null) {
            format.add("type", "json_schema")
                    .add("name", schema.name())
                    .add("schema", GatewayJson.parse(schema.schemaJson()))
                    .add("strict", schema.strict());
        } else {
            format.add("type", request.call().jsonOutput() ? "json_object" : "text");
        }
        response.add("text", JSON.createObjectBuilder().add("format", format));
        if (result != null && result.usage().isPresent()) {
            var usage = result.usage().get();
            response.add(
                    "usage",
                    JSON.createObjectBuilder()
                            .add("input_tokens", usage.inputTokens())
                            .add(
                                    "input_tokens_details",
                                    JSON.createObjectBuilder().add("cached_tokens", usage.cachedInputTokens()))
                            .add("output_tokens", usage.outputTokens())
                            .add(
                                    "output_tokens_details",
                                    JSON.createObjectBuilder().add("reasoning_tokens", 0))
                            .add("total_tokens", usage.inputTokens() + usage.outputTokens()));
        } else {
            response.addNull("usage");
        }
        return response.build();
    }

    private static void addOrNull(JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else if (value instanceof String text) {
            builder.add(name, text);
        } else if (value instanceof Double number) {
            builder.add(name, number);
        } else {
            builder.add(name, (JsonValue) value);
        }
    }

    /** Item ids of one response, made once and reused by its stream and its final object. */
    static final class ItemIds {
        private final String reasoning = newId("rs");
        private final String message = newId("msg");
        private final java.util.List<String> functionCalls = new java.util.ArrayList<>();

        String reasoning() {
            return reasoning;
        }

        String message() {
            return message;
        }

        synchronized String functionCall(int index) {
            while (functionCalls.size() <= index) {
                functionCalls.add(newId("fc"));
            }
            return functionCalls.get(index);
        }
    }
}
