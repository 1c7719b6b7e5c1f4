package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolSpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Responses API request ({@code POST /responses}) read into a {@link ChatCall}: {@code input} as text or items
 * (messages, {@code function_call}s and their {@code function_call_output}s), {@code instructions} as the leading
 * system message, function {@code tools}, {@code tool_choice}, {@code text.format} (structured output),
 * {@code max_output_tokens}, {@code reasoning.effort}, and {@code previous_response_id}'s conversation put in front.
 * Like chat completions, every parameter is carried, accepted as neutral or refused by name
 * ({@link ResponsesParameters}).
 *
 * @param call the call to make
 * @param stream whether to stream the documented events
 * @param store whether to keep the response for a later {@code previous_response_id} (OpenAI's default: true)
 * @param instructions the instructions, echoed in the response
 * @param input the conversation this request added (after the previous response's), to store with the answer
 * @param metadata the caller's tags for the response, echoed in it
 */
record ResponsesRequest(
        ChatCall call,
        boolean stream,
        boolean store,
        String instructions,
        List<ChatMessage> input,
        Map<String, String> metadata) {

    /**
     * @param previous the stored conversation {@code previous_response_id} names, or empty
     */
    static ResponsesRequest parse(JsonObject request, String caller, List<ChatMessage> previous) {
        String model = ChatCompletionRequest.modelOf(request);
        if (model == null) {
            throw OpenAiException.invalid("model", "you must provide a model parameter (a catalog id)");
        }
        ResponsesParameters.check(request);
        String instructions = JsonFields.string(request, "instructions", "instructions");
        List<ChatMessage> input = input(request);
        List<ChatMessage> messages = new ArrayList<>();
        if (instructions != null && !instructions.isBlank()) {
            messages.add(ChatMessage.system(instructions));
        }
        messages.addAll(previous);
        messages.addAll(input);
        Tools tools = tools(request);
        JsonObject text = JsonFields.object(request, "text", "text");
        JsonObject format = text == null ? null : JsonFields.object(text, "format", "text.format");
        String formatType = format == null ? "text" : format.getString("type", "");
        ChatOptions.ResponseSchema schema = null;
        switch (formatType) {
            case "text", "json_object" -> {}
            case "json_schema" -> schema = ResponseFormats.schema(format, "text.format");
            default ->
                throw OpenAiException.invalid(
                        "text.format", "text.format.type must be text, json_object or json_schema");
        }
        JsonObject reasoning = JsonFields.object(request, "reasoning", "reasoning");
        String user = JsonFields.string(request, "user", "user");
        try {
            ChatOptions options = new ChatOptions(
                    tools.choice(),
                    JsonFields.bool(request, "parallel_tool_calls"),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    reasoning == null ? null : JsonFields.string(reasoning, "effort", "reasoning.effort"),
                    schema,
                    false,
                    null,
                    null,
                    user,
                    null);
            ChatCall call = ChatCall.builder(model)
                    .messages(messages)
                    .temperature(JsonFields.number(request, "temperature"))
                    .topP(JsonFields.number(request, "top_p"))
                    .maxTokens(JsonFields.integer(request, "max_output_tokens", 1))
                    .jsonOutput(formatType.equals("json_object"))
                    .tools(tools.specs())
                    .caller(ChatCompletionRequest.callerOf(caller, user))
                    .options(options)
                    .build();
            Boolean store = JsonFields.bool(request, "store");
            return new ResponsesRequest(
                    call,
                    Boolean.TRUE.equals(JsonFields.bool(request, "stream")),
                    store == null || store,
                    instructions,
                    input,
                    ChatCompletionRequest.metadata(request));
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(OpenAiErrorMappers.openAiParameter(e.parameter()), e.getMessage());
        }
    }

    private record Tools(List<ToolSpec> specs, ChatOptions.ToolChoice choice) {}

    private static Tools tools(JsonObject request) {
        List<ToolSpec> specs = new ArrayList<>();
        if (!JsonFields.absent(request, "tools")) {
            if (request.get("tools").getValueType() != JsonValue.ValueType.ARRAY) {
                throw OpenAiException.invalid("tools", "tools must be an array");
            }
            for (JsonValue item : request.getJsonArray("tools")) {
                if (!(item instanceof JsonObject tool)
                        || !"function".equals(tool.getString("type", ""))
                        || !(tool.get("name") instanceof JsonString name)) {
                    throw OpenAiException.invalid(
                            "tools", "only function tools ({type: 'function', name, parameters}) are supported here");
                }
                String schema = tool.get("parameters") instanceof JsonObject parameters
                        ? parameters.toString()
                        : "{\"type\":\"object\",\"properties\":{}}";
                boolean strict =
                        tool.get("strict") != null && tool.get("strict").getValueType() == JsonValue.ValueType.TRUE;
                specs.add(ToolSpec.withSchema(name.getString(), tool.getString("description", ""), schema, strict));
            }
        }
        ChatOptions.ToolChoice choice = null;
        JsonValue value = request.get("tool_choice");
        if (value instanceof JsonString mode) {
            choice = switch (mode.getString()) {
                case "auto" -> ChatOptions.ToolChoice.AUTO;
                case "none" -> ChatOptions.ToolChoice.NONE;
                case "required" -> ChatOptions.ToolChoice.REQUIRED;
                default ->
                    throw OpenAiException.invalid(
                            "tool_choice", "tool_choice must be auto, none, required or a function");
            };
        } else if (value instanceof JsonObject object
                && "function".equals(object.getString("type", ""))
                && object.get("name") instanceof JsonString name) {
            choice = ChatOptions.ToolChoice.function(name.getString());
        } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            throw OpenAiException.invalid("tool_choice", "tool_choice must be auto, none, required or a function");
        }
        return new Tools(specs, choice);
    }

    /** The input: one user text, or a list of items. */
    private static List<ChatMessage> input(JsonObject request) {
        JsonValue input = request.get("input");
        if (input instanceof JsonString text) {
            return List.of(ChatMessage.user(text.getString()));
        }
        if (input == null || input.getValueType() != JsonValue.ValueType.ARRAY) {
            throw OpenAiException.invalid("input", "input must be a string or an array of items");
        }
        List<ChatMessage> messages = new ArrayList<>();
        Map<String, String> toolNames = new HashMap<>();
        List<ToolCall> pendingCalls = new ArrayList<>();
        int index = 0;
        for (JsonValue value : input.asJsonArray()) {
            String where = "input[" + index++ + "]";
            if (!(value instanceof JsonObject item)) {
                throw OpenAiException.invalid("input", where + " must be an object");
            }
            String type = item.getString("type", item.containsKey("role") ? "message" : "");
            if (!type.equals("function_call") && !pendingCalls.isEmpty()) {
                messages.add(ChatMessage.assistant("", List.copyOf(pendingCalls)));
                pendingCalls.clear();
            }
            try {
                switch (type) {
                    case "message" -> messages.add(message(item, where));
                    case "function_call" -> {
                        String callId = item.getString("call_id", "");
                        String name = item.getString("name", "");
                        if (callId.isBlank() || name.isBlank()) {
                            throw OpenAiException.invalid("input", where + ": a function_call needs call_id and name");
                        }
                        pendingCalls.add(new ToolCall(callId, name, item.getString("arguments", "{}")));
                        toolNames.put(callId, name);
                    }
                    case "function_call_output" -> {
                        String callId = item.getString("call_id", "");
                        if (callId.isBlank()) {
                            throw OpenAiException.invalid(
                                    "input", where + ": a function_call_output needs its call_id");
                        }
                        messages.add(ChatMessage.toolResult(
                                callId,
                                toolNames.getOrDefault(callId, "tool"),
                                JsonFields.text(item.get("output"), "input")));
                    }
                    // Our own reasoning, handed back by clients that replay the output: the model needs none of it.
                    case "reasoning" -> {}
                    default ->
                        throw OpenAiException.invalid(
                                "input",
                                where + ": items of type '" + type + "' are not supported here (message, function_call,"
                                        + " function_call_output)");
                }
            } catch (InvalidLlmRequestException e) {
                throw OpenAiException.invalid("input", where + ": " + e.getMessage());
            }
        }
        if (!pendingCalls.isEmpty()) {
            messages.add(ChatMessage.assistant("", List.copyOf(pendingCalls)));
        }
        if (messages.isEmpty()) {
            throw OpenAiException.invalid("input", "input must hold at least one item");
        }
        return messages;
    }

    private static ChatMessage message(JsonObject item, String where) {
        String role = item.getString("role", "user");
        JsonValue content = item.get("content");
        List<String> images = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (content instanceof JsonString string) {
            text.append(string.getString());
        } else if (content != null && content.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue part : content.asJsonArray()) {
                if (!(part instanceof JsonObject object)) {
                    throw OpenAiException.invalid("input", where + ".content holds a part that is not an object");
                }
                switch (object.getString("type", "")) {
                    case "input_text", "output_text", "text" -> text.append(object.getString("text", ""));
                    case "input_image" -> {
                        if (!(object.get("image_url") instanceof JsonString url)) {
                            throw OpenAiException.invalid("input", where + ": an input_image needs an image_url");
                        }
                        images.add(url.getString());
                    }
                    case "refusal" -> text.append(object.getString("refusal", ""));
                    default ->
                        throw OpenAiException.invalid(
                                "input",
                                where + ": content parts of type '" + object.getString("type", "")
                                        + "' are not supported here");
                }
            }
        }
        return switch (role) {
            case "system", "developer" -> ChatMessage.system(text.toString());
            case "assistant" -> ChatMessage.assistant(text.toString());
            case "user" ->
                images.isEmpty() ? ChatMessage.user(text.toString()) : ChatMessage.user(text.toString(), images);
            default ->
                throw OpenAiException.invalid("input", where + ": role must be user, assistant, system or developer");
        };
    }
}
