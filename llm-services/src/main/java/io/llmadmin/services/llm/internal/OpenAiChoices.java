package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.streaming.StreamDelta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls for several choices ({@code n}) on OpenAI's wire. LangChain4j's OpenAI chat model fails an answer with more
 * than one choice, so such a call goes through a chat model of its own whose HTTP client (our provider client
 * underneath) shows LangChain4j choice 0 only and keeps every choice in the body under {@value #ALL_CHOICES}; the
 * answer is then read by LangChain4j as usual (usage, choice 0, its log probabilities) and the other choices from that
 * body. The provider's usage covers all choices and stays on the answer (the other choices carry none), so the call is
 * counted and billed once.
 */
final class OpenAiChoices {

    /** Where the provider's own {@code choices} are kept in the body LangChain4j reads. */
    static final String ALL_CHOICES = "llm_admin_all_choices";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiChoices() {}

    /** The settings of a chat model for several choices: the same, over an HTTP client that shows one choice. */
    static ProviderModels.Settings settings(ProviderModels.Settings settings) {
        return settings.overHttp(FirstChoiceShown::new);
    }

    /** The answer with choices 1, 2, ... of the provider's body as its other choices. */
    static ChatResult addTo(ChatResult answer, ChatResponse response) {
        SuccessfulHttpResponse raw =
                response.metadata() instanceof OpenAiChatResponseMetadata metadata ? metadata.rawHttpResponse() : null;
        if (raw == null || raw.body() == null) {
            return answer;
        }
        JsonNode choices;
        try {
            choices = JSON.readTree(raw.body()).path(ALL_CHOICES);
        } catch (IOException e) {
            throw new LlmUnavailableException("The provider's answer with several choices could not be read", e);
        }
        List<ChatResult> others = new ArrayList<>();
        for (JsonNode choice : choices) {
            if (choice.path("index").asInt(0) > 0) {
                others.add(choice(answer.model(), choice));
            }
        }
        return answer.withOtherChoices(others);
    }

    private static ChatResult choice(String model, JsonNode choice) {
        JsonNode message = choice.path("message");
        StreamDelta output = BlockingChat.split(text(message.path("content")), text(message.path("reasoning_content")));
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(new ToolCall(
                    text(call.path("id")),
                    call.path("function").path("name").asText(),
                    call.path("function").path("arguments").asText("{}")));
        }
        JsonNode logprobs = choice.path("logprobs");
        return new ChatResult(
                model,
                output.response(),
                output.reasoning(),
                calls,
                Optional.empty(),
                Optional.ofNullable(text(choice.path("finish_reason"))),
                logprobs.isObject() ? logprobs.toString() : null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** An HTTP client that hands LangChain4j a whole answer's choice 0 and keeps all choices beside it. */
    private record FirstChoiceShown(HttpClient delegate) implements HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            SuccessfulHttpResponse response = delegate.execute(request);
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException | RuntimeException notJson) {
                return response;
            }
            if (!(body instanceof ObjectNode answer) || !(answer.get("choices") instanceof ArrayNode choices)) {
                return response;
            }
            ArrayNode first = JSON.createArrayNode();
            choices.forEach(choice -> {
                if (choice.path("index").asInt(0) == 0) {
                    first.add(choice);
                }
            });
            answer.set(ALL_CHOICES, choices);
            answer.set("choices", first);
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers())
                    .body(answer.toString())
                    .build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            delegate.execute(request, parser, listener);
        }
    }
}
