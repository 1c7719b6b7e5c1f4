package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.gateway.GatewayResponses;
import io.llmadmin.services.gateway.StoredResponse;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatRole;
import io.llmadmin.services.llm.ToolCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * The Responses API's stored responses, so that {@code previous_response_id} continues a conversation and
 * {@code GET /responses/{id}} returns one: kept in the database by {@link GatewayResponses} (so they outlive a restart
 * and every instance sees them), each visible to the gateway key that created it alone, until its retention ends.
 * The conversation is kept as the gateway's own small JSON form of {@link ChatMessage}s.
 */
@ApplicationScoped
public class StoredResponses {

    /**
     * One stored response.
     *
     * @param keyId the gateway key that created it
     * @param conversation the whole conversation up to and including the answer (without instructions, which OpenAI
     *     does not carry over)
     * @param body the response object as returned
     */
    record Stored(long keyId, List<ChatMessage> conversation, JsonObject body) {}

    private final GatewayResponses responses;

    @Inject
    public StoredResponses(GatewayResponses responses) {
        this.responses = responses;
    }

    /** For the CDI proxy only. */
    protected StoredResponses() {
        this(null);
    }

    void put(String id, Stored stored) {
        responses.store(
                stored.keyId(),
                new StoredResponse(
                        id,
                        conversationJson(stored.conversation()),
                        stored.body().toString()));
    }

    /** The response, when it exists and {@code keyId} created it. */
    Optional<Stored> find(String id, long keyId) {
        return responses
                .find(id, keyId)
                .map(found -> new Stored(keyId, conversation(found.conversationJson()), read(found.bodyJson())));
    }

    boolean remove(String id, long keyId) {
        return responses.delete(id, keyId);
    }

    static String conversationJson(List<ChatMessage> conversation) {
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (ChatMessage message : conversation) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("role", message.role().wireName())
                    .add("text", message.text());
            if (!message.imageUrls().isEmpty()) {
                json.add("images", JSON.createArrayBuilder(message.imageUrls()));
            }
            if (!message.toolCalls().isEmpty()) {
                JsonArrayBuilder calls = JSON.createArrayBuilder();
                message.toolCalls()
                        .forEach(call -> calls.add(JSON.createObjectBuilder()
                                .add("id", OpenAiResponses.callId(call))
                                .add("name", call.name())
                                .add("arguments", call.argumentsJson())));
                json.add("toolCalls", calls);
            }
            if (message.toolCallId() != null) {
                json.add("toolCallId", message.toolCallId());
            }
            if (message.toolName() != null) {
                json.add("toolName", message.toolName());
            }
            messages.add(json);
        }
        return messages.build().toString();
    }

    static List<ChatMessage> conversation(String json) {
        JsonArray messages;
        try (var reader = JSON.createReader(new StringReader(json))) {
            messages = reader.readArray();
        }
        return messages.stream()
                .map(JsonValue::asJsonObject)
                .map(message -> new ChatMessage(
                        ChatRole.fromWireName(message.getString("role")),
                        message.getString("text"),
                        message.containsKey("images")
                                ? message.getJsonArray("images").getValuesAs(JsonString.class).stream()
                                        .map(JsonString::getString)
                                        .toList()
                                : List.of(),
                        message.containsKey("toolCalls")
                                ? message.getJsonArray("toolCalls").getValuesAs(JsonObject.class).stream()
                                        .map(call -> new ToolCall(
                                                call.getString("id"),
                                                call.getString("name"),
                                                call.getString("arguments")))
                                        .toList()
                                : List.of(),
                        message.getString("toolCallId", null),
                        message.getString("toolName", null)))
                .toList();
    }

    private static JsonObject read(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
