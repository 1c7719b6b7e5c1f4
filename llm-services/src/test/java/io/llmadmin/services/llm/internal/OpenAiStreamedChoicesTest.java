package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChoiceDelta;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream on OpenAI's wire asking for several choices ({@code n}) and log probabilities, against a local WireMock
 * server streaming interleaved chunks as OpenAI does: each choice's pieces reach the listener apart, choice 0's log
 * probabilities just before the text they belong to, and the answer holds every choice once the stream ends.
 */
class OpenAiStreamedChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void should_stream_every_choice_apart_with_each_pieces_log_probabilities() throws Exception {
        server.stubFor(post(urlPathEqualTo(ProviderWire.OPENAI.streamPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(events(
                                chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}},"
                                        + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}},"
                                        + "{\"index\":2,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}"),
                                chunk(content(0, "One ", "One ")),
                                chunk(content(1, "Two ", "Two ")),
                                chunk(
                                        "{\"index\":2,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\","
                                                + "\"type\":\"function\",\"function\":{\"name\":\"look\",\"arguments\":\"{\\\"q\\\"\"}}]}}"),
                                chunk(content(0, "done", "done") + "," + content(1, "too", "too")),
                                chunk("{\"index\":2,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                                        + "{\"arguments\":\":1}\"}}]}}"),
                                chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},"
                                        + "{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}"),
                                chunk("{\"index\":2,\"delta\":{},\"finish_reason\":\"tool_calls\"}"),
                                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9,"
                                        + "\"total_tokens\":14}}",
                                "[DONE]"))));
        Listener listener = new Listener();

        TestSupport.service(
                new TestSupport.Models().add(ProviderWire.OPENAI.model("m1", server.baseUrl())),
                new TestSupport.RecordingGuard(),
                TestSupport.records(),
                0)
                .stream(
                        ChatCall.builder("m1")
                                .message(ChatMessage.user("Hi"))
                                .options(new ChatOptions(
                                        null, null, null, null, null, null, null, true, null, null, null, false, null,
                                        null, null, 3))
                                .build(),
                        listener);
        ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

        assertThat(listener.events)
                .containsSubsequence(
                        "logprobs:One ",
                        "response:One ",
                        "choice1:Two |Two ",
                        "choice2:tool 0 call_9 look {\"q\"",
                        "logprobs:done",
                        // a chunk's further choices are passed on before LangChain4j hands on its choice 0
                        "choice1:too|too",
                        "response:done",
                        "choice2:tool 0 null null :1}");
        assertThat(result.response()).isEqualTo("One done");
        assertThat(result.finishReason()).contains("stop");
        assertThat(result.usage().orElseThrow().outputTokens()).isEqualTo(9);
        assertThat(result.otherChoices()).hasSize(2);
        ChatResult second = result.otherChoices().get(0);
        assertThat(second.response()).isEqualTo("Two too");
        assertThat(second.finishReason()).contains("length");
        assertThat(JSON.readTree(second.logprobsJson()).path("content").findValuesAsText("token"))
                .containsExactly("Two ", "too");
        ChatResult third = result.otherChoices().get(1);
        assertThat(third.finishReason()).contains("tool_calls");
        assertThat(third.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_9");
            assertThat(call.name()).isEqualTo("look");
            assertThat(call.argumentsJson()).isEqualTo("{\"q\":1}");
        });
        JsonNode sent =
                JSON.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("n").asInt()).isEqualTo(3);
        assertThat(sent.path("stream").asBoolean()).isTrue();
    }

    private static String content(int index, String text, String token) {
        return "{\"index\":" + index + ",\"delta\":{\"content\":\"" + text
                + "\"},\"logprobs\":{\"content\":[{\"token\":\""
                + token + "\",\"logprob\":-0.5,\"bytes\":null,\"top_logprobs\":[]}],\"refusal\":null},"
                + "\"finish_reason\":null}";
    }

    private static String chunk(String choices) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":["
                + choices + "]}";
    }

    private static String events(String... data) {
        StringBuilder body = new StringBuilder();
        for (String event : data) {
            body.append("data: ").append(event).append("\n\n");
        }
        return body.toString();
    }

    private static final class Listener extends TestSupport.CollectingListener {
        final List<String> choiceEvents = new CopyOnWriteArrayList<>();

        @Override
        public void onLogprobs(String logprobsJson) {
            try {
                events.add("logprobs:"
                        + JSON.readTree(logprobsJson)
                                .path("content")
                                .path(0)
                                .path("token")
                                .asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onChoiceDelta(ChoiceDelta delta) {
            if (!delta.toolCalls().isEmpty()) {
                var call = delta.toolCalls().get(0);
                events.add("choice" + delta.index() + ":tool " + call.index() + " " + call.id() + " " + call.name()
                        + " " + call.arguments());
            } else if (!delta.response().isEmpty()) {
                String token = "";
                try {
                    token = JSON.readTree(delta.logprobsJson())
                            .path("content")
                            .path(0)
                            .path("token")
                            .asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                events.add("choice" + delta.index() + ":" + delta.response() + "|" + token);
            }
        }
    }
}
