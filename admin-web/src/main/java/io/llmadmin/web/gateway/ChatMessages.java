package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ToolCall;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's {@code messages} into the conversation: system/developer, user (text and image parts), assistant (with
 * {@code tool_calls} or a legacy {@code function_call}), {@code tool} results and legacy {@code function} results. A
 * tool result names its tool, which some providers (Gemini) need: it is taken from the assistant turn that called it.
 */
final class ChatMessages {

    /** The id given to a legacy {@code function_call} and to the {@code function} message that answers it. */
    static String legacyCallId(String function) {
        return "call_fn_" + function;
    }

    private final Map<String, String> toolNamesByCallId = new HashMap<>();

    private ChatMessages() {}

    static List<ChatMessage> read(JsonObject request) {
        JsonValue value = request.get("messages");
        if (value == null
                || value.getValueType() != JsonValue.ValueType.ARRAY
                || value.asJsonArray().isEmpty()) {
            throw OpenAiException.invalid("messages", "messages must be a non-empty array of {role, content} objects");
        }
        ChatMessages reader = new ChatMessages();
        List<ChatMessage> messages = new ArrayList<>();
        int index = 0;
        for (JsonValue item : value.asJsonArray()) {
            String where = "messages[" + index++ + "]";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw OpenAiException.invalid(where, where + " must be an object with role and content");
            }
            messages.add(reader.message(item.asJsonObject(), where));
        }
        return messages;
    }

    private ChatMessage message(JsonObject message, String where) {
        if (!(message.get("role") instanceof JsonString role)) {
            throw OpenAiException.invalid(where + ".role", where + ".role must be a string");
        }
        try {
            return switch (role.getString()) {
                case "system", "developer" ->
                    ChatMessage.system(JsonFields.text(message.get("content"), where + ".content"));
                case "user" -> user(message, where);
                case "assistant" -> assistant(message, where);
                case "tool" -> {
                    String callId = JsonFields.string(message, "tool_call_id", where + ".tool_call_id");
                    if (callId == null || callId.isBlank()) {
                        throw OpenAiException.invalid(
                                where + ".tool_call_id", where + ": a tool message needs the tool_call_id it answers");
                    }
                    yield ChatMessage.toolResult(
                            callId,
                            toolNamesByCallId.getOrDefault(callId, message.getString("name", "tool")),
                            JsonFields.text(message.get("content"), where + ".content"));
                }
                case "function" -> {
                    String name = JsonFields.string(message, "name", where + ".name");
                    if (name == null || name.isBlank()) {
                        throw OpenAiException.invalid(where + ".name", where + ": a function message needs a name");
                    }
                    yield ChatMessage.toolResult(
                            legacyCallId(name), name, JsonFields.text(message.get("content"), where + ".content"));
                }
                default ->
                    throw OpenAiException.invalid(
                            where + ".role",
                            where + ".role must be system, developer, user, assistant, tool or function, was '"
                                    + role.getString() + "'");
            };
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(where + ".content", where + ": " + e.getMessage());
        }
    }

    private static ChatMessage user(JsonObject message, String where) {
        JsonValue content = message.get("content");
        if (content == null || content.getValueType() != JsonValue.ValueType.ARRAY) {
            if (content != null && !(content instanceof JsonString)) {
                throw OpenAiException.invalid(
                        where + ".content", where + ".content must be a string or an array of parts");
            }
            return ChatMessage.user(JsonFields.text(content, where + ".content"));
        }
        StringBuilder text = new StringBuilder();
        List<String> images = new ArrayList<>();
        int part = 0;
        for (JsonValue item : content.asJsonArray()) {
            String partWhere = where + ".content[" + part++ + "]";
            if (!(item instanceof JsonObject object)) {
                throw OpenAiException.invalid(partWhere, partWhere + " must be an object with a type");
            }
            String type = object.getString("type", "");
            if (type.equals("text")) {
                text.append(object.getString("text", ""));
            } else if (type.equals("image_url")
                    && object.get("image_url") instanceof JsonObject image
                    && image.get("url") instanceof JsonString url) {
                images.add(url.getString());
            } else {
                throw OpenAiException.invalid(
                        partWhere, partWhere + ": only 'text' and 'image_url' parts are supported");
            }
        }
        return ChatMessage.user(text.toString(), images);
    }

    private ChatMessage assistant(JsonObject message, String where) {
        String text = JsonFields.text(message.get("content"), where + ".content");
        List<ToolCall> calls = new ArrayList<>();
        if (!JsonFields.absent(message, "tool_calls")) {
            JsonValue value = message.get("tool_calls");
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw OpenAiException.invalid(where + ".tool_calls", where + ".tool_calls must be an array");
            }
            int index = 0;
            for (JsonValue item : value.asJsonArray()) {
                String callWhere = where + ".tool_calls[" + index++ + "]";
                if (!(item instanceof JsonObject call)
                        || !(call.get("id") instanceof JsonString id)
                        || !(call.get("function") instanceof JsonObject function)
                        || !(function.get("name") instanceof JsonString name)) {
                    throw OpenAiException.invalid(
                            callWhere, callWhere + " must be {id, type: 'function', function: {name, arguments}}");
                }
                calls.add(new ToolCall(id.getString(), name.getString(), function.getString("arguments", "{}")));
                toolNamesByCallId.put(id.getString(), name.getString());
            }
        }
        if (message.get("function_call") instanceof JsonObject function
                && function.get("name") instanceof JsonString name) {
            calls.add(new ToolCall(
                    legacyCallId(name.getString()), name.getString(), function.getString("arguments", "{}")));
        }
        return calls.isEmpty() ? ChatMessage.assistant(text) : ChatMessage.assistant(text, calls);
    }
}
