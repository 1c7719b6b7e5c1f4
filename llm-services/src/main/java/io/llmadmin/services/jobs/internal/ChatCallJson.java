package io.llmadmin.services.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ToolSpec;
import java.time.Duration;
import java.util.List;

/** A {@link ChatCall} as the JSON a job stores, and back. */
final class ChatCallJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ChatCallJson() {}

    /** The stored shape: the call's fields, with the timeout in milliseconds. */
    record Stored(
            String model,
            List<ChatMessage> messages,
            Double temperature,
            Double topP,
            Integer maxTokens,
            boolean jsonOutput,
            List<ToolSpec> tools,
            Long timeoutMillis,
            String caller) {}

    static String write(ChatCall call) {
        try {
            return JSON.writeValueAsString(new Stored(
                    call.model(),
                    call.messages(),
                    call.temperature(),
                    call.topP(),
                    call.maxTokens(),
                    call.jsonOutput(),
                    call.tools(),
                    call.timeout() == null ? null : call.timeout().toMillis(),
                    call.caller()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat call always serializes", e);
        }
    }

    static ChatCall read(String json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            return new ChatCall(
                    stored.model(),
                    stored.messages(),
                    stored.temperature(),
                    stored.topP(),
                    stored.maxTokens(),
                    stored.jsonOutput(),
                    stored.tools(),
                    stored.timeoutMillis() == null ? null : Duration.ofMillis(stored.timeoutMillis()),
                    stored.caller());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored job request is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
