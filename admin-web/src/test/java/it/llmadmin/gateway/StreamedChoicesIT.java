package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streamed chat completions with several choices ({@code n}) and streamed log probabilities through the running
 * gateway, driven by openai-java and the {@code openai} npm SDK ({@code src/test/node/several-choices.mjs}) against a
 * local provider that streams interleaved choices in OpenAI's wire format
 * ({@link SeveralChoicesUpstream}).
 */
class StreamedChoicesIT {

    private static SeveralChoicesUpstream upstream;
    private static String model;
    private static JsonObject key;
    private static OpenAIClient client;

    /** A tool, as the SDK derives its schema from a class. */
    public static class LookUp {
        public String city;
    }

    @BeforeAll
    static void createModelAndKey() throws Exception {
        upstream = new SeveralChoicesUpstream();
        model = unique("it-streamed-choices");
        GatewayAdmin.createChatModel(model, SeveralChoicesUpstream.MODEL, upstream.apiBase());
        key = GatewayAdmin.issueKey(unique("it-streamed-choices-key"), "[\"" + model + "\"]", "{}");
        client = OpenAiClients.forKey(key.getString("token"));
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        if (model != null) {
            GatewayAdmin.deleteModelQuietly(model);
        }
        if (client != null) {
            client.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void should_stream_several_choices_that_the_sdk_reassembles_each_with_its_finish_and_log_probabilities() {
        String marker = unique("n3");
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<Long> indices = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model(model)
                        .addUserMessage("Answer " + marker)
                        .n(3)
                        .logprobs(true)
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().stream()
                        .filter(choice -> choice.delta()
                                .content()
                                .filter(text -> !text.isEmpty())
                                .isPresent())
                        .forEach(choice -> indices.add(choice.index()));
            });
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.choices()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ChatCompletion.Choice choice = completion.choices().get(i);
            assertThat(choice.index()).isEqualTo(i);
            assertThat(choice.message().content()).contains(SeveralChoicesUpstream.text(i));
            assertThat(choice.finishReason()).hasToString(SeveralChoicesUpstream.finishReason(i));
            List<ChatCompletionTokenLogprob> tokens =
                    choice.logprobs().orElseThrow().content().orElseThrow();
            assertThat(tokens)
                    .extracting(ChatCompletionTokenLogprob::token)
                    .containsExactlyElementsOf(SeveralChoicesUpstream.pieces(i));
            assertThat(tokens)
                    .extracting(ChatCompletionTokenLogprob::logprob)
                    .containsOnly(SeveralChoicesUpstream.logprob(i));
        }
        // The choices' pieces of text arrive as they were streamed, interleaved, not one choice after the other.
        assertThat(indices).hasSize(9);
        assertThat(indices.subList(0, 3)).containsExactly(0L, 1L, 2L);
        // One usage for the whole call: the provider's count for every choice.
        assertThat(completion.usage().orElseThrow().completionTokens())
                .isEqualTo(3L * SeveralChoicesUpstream.OUTPUT_TOKENS_PER_CHOICE);
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(SeveralChoicesUpstream.PROMPT_TOKENS);
        JsonObject sent = upstream.lastRequestWith(marker);
        assertThat(sent.getInt("n")).isEqualTo(3);
        assertThat(sent.getBoolean("stream")).isTrue();
    }

    @Test
    void should_stream_each_choices_tool_call_in_openais_chunk_shape() {
        String marker = unique("tools");
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model(model)
                        .addUserMessage("Look it up " + marker)
                        .addTool(LookUp.class)
                        .n(2)
                        .build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.choices()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ChatCompletion.Choice choice = completion.choices().get(i);
            assertThat(choice.finishReason()).hasToString("tool_calls");
            ChatCompletionMessageFunctionToolCall call =
                    choice.message().toolCalls().orElseThrow().get(0).asFunction();
            assertThat(call.id()).isNotBlank();
            assertThat(call.function().name()).isEqualTo("LookUp");
            assertThat(call.function().arguments()).isEqualTo(SeveralChoicesUpstream.arguments(i));
        }
        assertThat(upstream.lastRequestWith(marker).getInt("n")).isEqualTo(2);
    }

    @Test
    void should_stream_several_choices_that_the_npm_sdks_chat_completion_stream_reassembles() throws Exception {
        JsonObject seen = NodeClientsIT.runNode("several-choices.mjs", model, key.getString("token"));

        List<JsonObject> choices = seen.getJsonArray("choices").getValuesAs(JsonObject.class);
        assertThat(choices).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonObject choice = choices.get(i);
            assertThat(choice.getInt("index")).isEqualTo(i);
            assertThat(choice.getString("content")).isEqualTo(SeveralChoicesUpstream.text(i));
            assertThat(choice.getString("finishReason")).isEqualTo(SeveralChoicesUpstream.finishReason(i));
            assertThat(choice.getJsonArray("tokens").getValuesAs(JsonString::getString))
                    .containsExactlyElementsOf(SeveralChoicesUpstream.pieces(i));
        }
        List<Integer> indices = seen.getJsonArray("indices").getValuesAs(JsonNumber::intValue);
        assertThat(indices).hasSize(9);
        assertThat(indices.subList(0, 3)).containsExactly(0, 1, 2);
        assertThat(seen.getJsonObject("usage").getInt("completion_tokens"))
                .isEqualTo(3 * SeveralChoicesUpstream.OUTPUT_TOKENS_PER_CHOICE);
    }

    @Test
    void should_send_each_pieces_log_probabilities_beside_its_text() {
        HttpResponse<String> response =
                ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key.getString("token"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":true,"
                                + "\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say it\"}]}"))
                        .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> pieces = new ArrayList<>();
        for (JsonObject chunk : StreamedChunks.of(response.body()).chunks()) {
            if (chunk.getJsonArray("choices").isEmpty()) {
                continue;
            }
            JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
            String content = choice.getJsonObject("delta").getString("content", "");
            if (content.isEmpty()) {
                // The role and the finish carry no tokens, and no chunk of tokens without their text is left over.
                assertThat(choice.get("logprobs")).as(chunk.toString()).isNull();
                continue;
            }
            pieces.add(content);
            // Each piece of text comes with the log probabilities of its own tokens, as OpenAI streams them.
            assertThat(choice.getJsonObject("logprobs").getJsonArray("content"))
                    .as(chunk.toString())
                    .singleElement()
                    .satisfies(token ->
                            assertThat(token.asJsonObject().getString("token")).isEqualTo(content));
        }
        assertThat(pieces).containsExactlyElementsOf(SeveralChoicesUpstream.pieces(0));
    }
}
