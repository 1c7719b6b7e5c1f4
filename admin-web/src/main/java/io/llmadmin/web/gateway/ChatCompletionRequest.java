package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatRole;
import io.llmadmin.web.json.JsonBodies;
import io.llmadmin.web.json.JsonBodyException;
import io.llmadmin.web.json.JsonNumbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenAI's chat completion request, read into a {@link ChatCall}. What this first slice does not do (tools, several
 * choices, stop sequences, logprobs, structured output) is refused with a 400 naming the parameter, never ignored;
 * parameters that change nothing for the answer ({@code user}, {@code seed}, ...) are ignored.
 *
 * @param call the call to make, with the caller set
 * @param stream whether the answer is streamed as server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage})
 */
public record ChatCompletionRequest(ChatCall call, boolean stream, boolean includeUsage) {

    /** Parameters this gateway refuses rather than silently ignoring. */
    private static final Set<String> NOT_SUPPORTED = Set.of(
            "tools",
            "tool_choice",
            "functions",
            "function_call",
            "stop",
            "logprobs",
            "top_logprobs",
            "logit_bias",
            "audio",
            "modalities",
            "prediction");

    /** The catalog id a request names, before anything else is read; null when there is none. */
    static String modelOf(JsonObject request) {
        JsonValue model = request.get("model");
        return model instanceof JsonString text && !text.getString().isBlank() ? text.getString() : null;
    }

    /** The body as a JSON object, or a 400. */
    static JsonObject object(String body) {
        try {
            return JsonBodies.object(body);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(null, "The request body " + e.fieldMessage() + ".");
        }
    }

    /**
     * Reads a request.
     *
     * @param request the body
     * @param caller who calls, for usage records
     * @throws OpenAiException a 400 naming the parameter at fault
     */
    static ChatCompletionRequest parse(JsonObject request, String caller) {
        String model = modelOf(request);
        if (model == null) {
            throw OpenAiException.invalid("model", "you must provide a model parameter (a catalog id)");
        }
        for (String name : request.keySet()) {
            if (NOT_SUPPORTED.contains(name) && request.get(name).getValueType() != JsonValue.ValueType.NULL) {
                throw OpenAiException.invalid(name, "'" + name + "' is not supported by this gateway yet");
            }
        }
        Integer n = integer(request, "n", 1);
        if (n != null && n != 1) {
            throw OpenAiException.invalid("n", "n must be 1: this gateway returns one choice");
        }
        Integer maxTokens = integer(request, "max_completion_tokens", 1);
        if (maxTokens == null) {
            maxTokens = integer(request, "max_tokens", 1);
        }
        try {
            return new ChatCompletionRequest(
                    ChatCall.builder(model)
                            .messages(messages(request))
                            .temperature(number(request, "temperature"))
                            .topP(number(request, "top_p"))
                            .maxTokens(maxTokens)
                            .jsonOutput(jsonOutput(request))
                            .caller(caller)
                            .build(),
                    bool(request, "stream"),
                    includeUsage(request));
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(OpenAiErrorMappers.openAiParameter(e.parameter()), e.getMessage());
        }
    }

    private static List<ChatMessage> messages(JsonObject request) {
        JsonValue value = request.get("messages");
        if (value == null
                || value.getValueType() != JsonValue.ValueType.ARRAY
                || value.asJsonArray().isEmpty()) {
            throw OpenAiException.invalid("messages", "messages must be a non-empty array of {role, content} objects");
        }
        List<ChatMessage> messages = new ArrayList<>();
        int index = 0;
        for (JsonValue item : value.asJsonArray()) {
            String where = "messages[" + index++ + "]";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw OpenAiException.invalid(where, where + " must be an object with role and content");
            }
            messages.add(message(item.asJsonObject(), where));
        }
        return messages;
    }

    private static ChatMessage message(JsonObject message, String where) {
        if (!(message.get("role") instanceof JsonString role)) {
            throw OpenAiException.invalid(where + ".role", where + ".role must be a string");
        }
        if (message.containsKey("tool_calls") && message.get("tool_calls").getValueType() != JsonValue.ValueType.NULL) {
            throw OpenAiException.invalid(where + ".tool_calls", "tool calls are not supported by this gateway yet");
        }
        String roleName = role.getString().equals("developer") ? "system" : role.getString();
        ChatRole chatRole;
        try {
            chatRole = ChatRole.fromWireName(roleName);
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(where + ".role", e.getMessage());
        }
        if (chatRole == ChatRole.TOOL) {
            throw OpenAiException.invalid(where + ".role", "tool messages are not supported by this gateway yet");
        }
        StringBuilder text = new StringBuilder();
        List<String> images = new ArrayList<>();
        JsonValue content = message.get("content");
        if (content instanceof JsonString string) {
            text.append(string.getString());
        } else if (content != null && content.getValueType() == JsonValue.ValueType.ARRAY) {
            int part = 0;
            for (JsonValue item : content.asJsonArray()) {
                String partWhere = where + ".content[" + part++ + "]";
                if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw OpenAiException.invalid(partWhere, partWhere + " must be an object with a type");
                }
                JsonObject object = item.asJsonObject();
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
        } else if (content != null && content.getValueType() != JsonValue.ValueType.NULL) {
            throw OpenAiException.invalid(where + ".content", where + ".content must be a string or an array of parts");
        }
        try {
            return new ChatMessage(chatRole, text.toString(), images, List.of(), null, null);
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(where + ".content", where + ": " + e.getMessage());
        }
    }

    private static boolean jsonOutput(JsonObject request) {
        JsonValue format = request.get("response_format");
        if (format == null || format.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        String type = format instanceof JsonObject object ? object.getString("type", "") : "";
        return switch (type) {
            case "json_object" -> true;
            case "text" -> false;
            default ->
                throw OpenAiException.invalid(
                        "response_format", "response_format.type must be 'text' or 'json_object' here");
        };
    }

    private static boolean includeUsage(JsonObject request) {
        JsonValue options = request.get("stream_options");
        return options instanceof JsonObject object
                && object.containsKey("include_usage")
                && object.get("include_usage").getValueType() == JsonValue.ValueType.TRUE;
    }

    private static Double number(JsonObject request, String name) {
        JsonValue value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        try {
            return JsonNumbers.decimal(value, name, -Double.MAX_VALUE, Double.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(name, name + " " + e.fieldMessage());
        }
    }

    private static Integer integer(JsonObject request, String name, int minimum) {
        JsonValue value = request.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        try {
            // Exact: 18446744073709551617 is out of range, not 1; 1.5 is not whole, not 1.
            return (int) JsonNumbers.whole(value, name, minimum, Integer.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(name, name + " " + e.fieldMessage());
        }
    }

    private static boolean bool(JsonObject request, String name) {
        JsonValue value = request.get(name);
        if (value == null
                || value.getValueType() == JsonValue.ValueType.NULL
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        throw OpenAiException.invalid(name, name + " must be true or false");
    }
}
