package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What LangChain4j's chat response has no place for: the further choices of a call that asked for several
 * ({@code n}) and each choice's log probabilities as OpenAI returns them. Both are read from the provider's own
 * response body, which LangChain4j keeps in the OpenAI response metadata; only for calls that asked for them, so other
 * calls are not parsed twice.
 */
final class OpenAiChoices {

    private static final Logger LOG = Logger.getLogger(OpenAiChoices.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiChoices() {}

    static boolean asked(ChatCall call) {
        return call.options().choices() > 1
                || Boolean.TRUE.equals(call.options().logprobs());
    }

    /** The first answer with its log probabilities and the further choices added, when the body has them. */
    static ChatResult addTo(ChatResult first, ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)) {
            return first;
        }
        SuccessfulHttpResponse raw = metadata.rawHttpResponse();
        if (raw == null || raw.body() == null) {
            return first;
        }
        JsonNode choices;
        try {
            choices = JSON.readTree(raw.body()).path("choices");
        } catch (IOException e) {
            LOG.log(Level.FINE, "The provider's answer could not be read again for its choices", e);
            return first;
        }
        List<ChatResult> others = new ArrayList<>();
        for (int i = 1; i < choices.size(); i++) {
            others.add(choice(first.model(), choices.get(i)));
        }
        return new ChatResult(
                first.model(),
                first.response(),
                first.reasoning(),
                first.toolCalls(),
                first.usage(),
                first.finishReason(),
                logprobs(choices.path(0)),
                others);
    }

    private static ChatResult choice(String model, JsonNode choice) {
        JsonNode message = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(new ToolCall(
                    call.path("id").asText(null),
                    call.path("function").path("name").asText(""),
                    call.path("function").path("arguments").asText("{}")));
        }
        return new ChatResult(
                model,
                message.path("content").asText(""),
                message.path("reasoning_content").asText(""),
                calls,
                Optional.empty(),
                Optional.ofNullable(choice.path("finish_reason").asText(null)),
                logprobs(choice),
                List.of());
    }

    private static String logprobs(JsonNode choice) {
        JsonNode logprobs = choice.path("logprobs");
        return logprobs.isObject() ? logprobs.toString() : null;
    }
}
