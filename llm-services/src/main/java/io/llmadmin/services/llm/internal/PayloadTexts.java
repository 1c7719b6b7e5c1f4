package io.llmadmin.services.llm.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ToolCall;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The texts a model with the "log payloads" switch keeps of a call: its messages as a JSON array (OpenAI's
 * {@code role}/{@code content} names; images counted, not copied, since a data URL can be megabytes), and the
 * answer's text. Made only when the switch is on, so a model without it never has its prompt rendered at all.
 */
final class PayloadTexts {

    private PayloadTexts() {}

    /** A chat call's messages. */
    static String messages(List<ChatMessage> messages) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ChatMessage message : messages) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("role", message.role().wireName())
                    .add("content", message.text());
            if (!message.imageUrls().isEmpty()) {
                json.add("images", message.imageUrls().size());
            }
            if (!message.toolCalls().isEmpty()) {
                JsonArrayBuilder calls = JSON.createArrayBuilder();
                for (ToolCall call : message.toolCalls()) {
                    calls.add(JSON.createObjectBuilder()
                            .add("name", call.name())
                            .add("arguments", call.argumentsJson() == null ? "" : call.argumentsJson()));
                }
                json.add("tool_calls", calls);
            }
            if (message.toolCallId() != null) {
                json.add("tool_call_id", message.toolCallId());
            }
            array.add(json);
        }
        return array.build().toString();
    }

    /** The inputs of a call that is not a chat (an embedding's texts, an image's prompt). */
    static String inputs(List<String> texts) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        texts.forEach(text -> array.add(text == null ? "" : text));
        return array.build().toString();
    }

    /** What an answer said: its text, or null when it only called tools. */
    static String answer(ChatResult result) {
        return result.response() == null || result.response().isEmpty() ? null : result.response();
    }
}
