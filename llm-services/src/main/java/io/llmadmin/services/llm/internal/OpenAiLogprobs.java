package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer's log probabilities exactly as OpenAI returns them (LangChain4j keeps a reduced form only), read from the
 * provider's own response body, which LangChain4j keeps in the OpenAI response metadata; only for calls that asked for
 * them, so other calls are not parsed twice.
 */
final class OpenAiLogprobs {

    private static final Logger LOG = Logger.getLogger(OpenAiLogprobs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiLogprobs() {}

    static boolean asked(ChatCall call) {
        return Boolean.TRUE.equals(call.options().logprobs());
    }

    /** The answer with the first choice's {@code logprobs} object added, when the body has one. */
    static ChatResult addTo(ChatResult answer, ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)) {
            return answer;
        }
        SuccessfulHttpResponse raw = metadata.rawHttpResponse();
        if (raw == null || raw.body() == null) {
            return answer;
        }
        JsonNode logprobs;
        try {
            logprobs = JSON.readTree(raw.body()).path("choices").path(0).path("logprobs");
        } catch (IOException e) {
            LOG.log(Level.FINE, "The provider's answer could not be read again for its log probabilities", e);
            return answer;
        }
        if (!logprobs.isObject()) {
            return answer;
        }
        return new ChatResult(
                answer.model(),
                answer.response(),
                answer.reasoning(),
                answer.toolCalls(),
                answer.usage(),
                answer.finishReason(),
                logprobs.toString());
    }
}
