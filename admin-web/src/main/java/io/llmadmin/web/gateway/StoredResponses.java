package io.llmadmin.web.gateway;

import io.llmadmin.services.llm.ChatMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Responses API's stored responses, so that {@code previous_response_id} continues a conversation and
 * {@code GET /responses/{id}} returns one: held in this server's memory, the most recent {@value #CAPACITY} only, each
 * visible to the gateway key that created it alone. A restart, or another server behind the same balancer, forgets
 * them: the client then gets a 404 naming {@code previous_response_id} and can resend the conversation.
 */
@ApplicationScoped
public class StoredResponses {

    static final int CAPACITY = 2_000;

    /**
     * One stored response.
     *
     * @param keyId the gateway key that created it
     * @param conversation the whole conversation up to and including the answer (without instructions, which OpenAI
     *     does not carry over)
     * @param body the response object as returned
     */
    record Stored(long keyId, List<ChatMessage> conversation, JsonObject body) {}

    private final Map<String, Stored> responses = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(String id, Stored stored) {
        responses.put(id, stored);
    }

    /** The response, when it exists and {@code keyId} created it. */
    synchronized Optional<Stored> find(String id, long keyId) {
        Stored stored = responses.get(id);
        return stored != null && stored.keyId() == keyId ? Optional.of(stored) : Optional.empty();
    }

    synchronized boolean remove(String id, long keyId) {
        Stored stored = responses.get(id);
        if (stored == null || stored.keyId() != keyId) {
            return false;
        }
        responses.remove(id);
        return true;
    }
}
