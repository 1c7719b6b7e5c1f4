package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer's log probabilities exactly as OpenAI returns them (LangChain4j keeps a reduced form only), read from the
 * provider's own response body or stream chunks, which LangChain4j keeps in the OpenAI response metadata; only for calls
 * that asked for them, so other calls are not parsed twice.
 */
final class OpenAiLogprobs {

    private static final Logger LOG = Logger.getLogger(OpenAiLogprobs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiLogprobs() {}

    static boolean asked(ChatCall call) {
        return Boolean.TRUE.equals(call.options().logprobs());
    }

    /**
     * The answer with the first choice's {@code logprobs} object added, when the provider sent one: from the body of a
     * whole answer, or joined from the chunks of a stream (each chunk carries the log probabilities of its own tokens).
     */
    static ChatResult addTo(ChatResult answer, ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)) {
            return answer;
        }
        JsonNode logprobs;
        try {
            logprobs = metadata.rawServerSentEvents() == null
                            || metadata.rawServerSentEvents().isEmpty()
                    ? whole(metadata.rawHttpResponse())
                    : streamed(metadata.rawServerSentEvents());
        } catch (IOException e) {
            LOG.log(Level.FINE, "The provider's answer could not be read again for its log probabilities", e);
            return answer;
        }
        if (logprobs == null || !logprobs.isObject()) {
            return answer;
        }
        return answer.withLogprobsJson(logprobs.toString());
    }

    private static JsonNode whole(SuccessfulHttpResponse raw) throws IOException {
        if (raw == null || raw.body() == null) {
            return null;
        }
        return JSON.readTree(raw.body()).path("choices").path(0).path("logprobs");
    }

    /** The chunks' {@code content} (and {@code refusal}) token lists joined in order, as one {@code logprobs} object. */
    private static JsonNode streamed(List<ServerSentEvent> events) throws IOException {
        ObjectNode joined = JSON.createObjectNode();
        ArrayNode content = joined.putArray("content");
        ArrayNode refusal = JSON.createArrayNode();
        boolean any = false;
        for (ServerSentEvent event : events) {
            if (event.data() == null || !event.data().startsWith("{")) {
                continue;
            }
            JsonNode logprobs =
                    JSON.readTree(event.data()).path("choices").path(0).path("logprobs");
            if (logprobs.isObject()) {
                any = true;
                logprobs.path("content").forEach(content::add);
                logprobs.path("refusal").forEach(refusal::add);
            }
        }
        if (!any) {
            return null;
        }
        if (refusal.isEmpty()) {
            joined.putNull("refusal");
        } else {
            joined.set("refusal", refusal);
        }
        return joined;
    }
}
