package io.llmadmin.services.routing.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** A {@link ChatResult} as JSON text and back: what the Redis store holds (and the in-process one, for one code path). */
final class AnswerCodec {

    private AnswerCodec() {}

    static String encode(ChatResult answer) {
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        for (ToolCall call : answer.toolCalls()) {
            JsonObjectBuilder json =
                    JSON.createObjectBuilder().add("name", call.name()).add("arguments", call.argumentsJson());
            if (call.id() != null) {
                json.add("id", call.id());
            }
            calls.add(json);
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("model", answer.model())
                .add("response", answer.response())
                .add("reasoning", answer.reasoning())
                .add("toolCalls", calls);
        answer.usage()
                .ifPresent(usage ->
                        json.add("inputTokens", usage.inputTokens()).add("outputTokens", usage.outputTokens()));
        answer.finishReason().ifPresent(reason -> json.add("finishReason", reason));
        return json.build().toString();
    }

    static ChatResult decode(String text) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        JsonNumber input = json.getJsonNumber("inputTokens");
        JsonNumber output = json.getJsonNumber("outputTokens");
        return new ChatResult(
                json.getString("model"),
                json.getString("response", ""),
                json.getString("reasoning", ""),
                json.getJsonArray("toolCalls").stream()
                        .map(JsonValue::asJsonObject)
                        .map(call -> new ToolCall(
                                call.getString("id", null), call.getString("name"), call.getString("arguments", "{}")))
                        .toList(),
                input == null || output == null
                        ? Optional.empty()
                        : Optional.of(new TokenUsage(input.intValue(), output.intValue())),
                Optional.ofNullable(json.getString("finishReason", null)));
    }
}
