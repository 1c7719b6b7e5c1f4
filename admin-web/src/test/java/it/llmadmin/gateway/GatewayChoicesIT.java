package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several choices ({@code n}) and streamed log probabilities through the gateway's chat completions for an OpenAI-wire
 * model, against a provider on loopback in OpenAI's format; other providers refuse {@code n} by name, whole and
 * streamed. Several choices streamed: {@code StreamedChoicesIT}.
 */
class GatewayChoicesIT {

    private static AgentGateway gateway;
    private static AgentUpstream upstream;
    private static String agent;
    private static String anthropic;
    private static JsonObject key;
    private static JsonObject limitedKey;
    private static OpenAIClient client;

    @BeforeAll
    static void createModelsAndKeys() throws Exception {
        gateway = new AgentGateway();
        upstream = gateway.upstream;
        agent = gateway.chatModel("it-choices", AgentUpstream.MODEL);
        anthropic = gateway.chatModelOf("it-choices-anthropic", "anthropic", "claude-it");
        key = gateway.key("it-choices-key", "{}", agent, anthropic);
        limitedKey = gateway.key("it-choices-limited", "{\"outputTokensPerMinute\":300}", agent);
        client = gateway.client(key);
    }

    @AfterAll
    static void cleanUp() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void should_answer_several_choices_for_an_openai_wire_model() {
        String marker = unique("choices");
        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(agent)
                        .addUserMessage("Say it " + marker)
                        .n(3)
                        .build());

        assertThat(completion.choices()).hasSize(3);
        assertThat(completion.choices()).extracting(choice -> choice.index()).containsExactly(0L, 1L, 2L);
        assertThat(completion.choices())
                .extracting(choice -> choice.message().content().orElseThrow())
                .containsExactly("Plain answer", "Plain answer #1", "Plain answer #2");
        assertThat(completion.choices())
                .allSatisfy(choice -> assertThat(choice.finishReason()).hasToString("stop"));
        // The provider's usage counts every choice's tokens: the client is told (and billed) that.
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(18);
        assertThat(upstream.lastRequestWith(marker).getInt("n")).isEqualTo(3);
    }

    @Test
    void should_share_a_keys_output_limit_among_the_choices_as_their_max_tokens() {
        String marker = unique("shared");
        HttpResponse<String> response = post(
                limitedKey,
                "{\"model\":\"" + agent + "\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"Say it " + marker
                        + "\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).getJsonArray("choices")).hasSize(3);
        // 300 output tokens a minute for three choices: each may use 100, so the provider is asked for 100 each.
        JsonObject sent = upstream.lastRequestWith(marker);
        assertThat(sent.getInt("n")).isEqualTo(3);
        assertThat(sent.containsKey("max_tokens") ? sent.getInt("max_tokens") : sent.getInt("max_completion_tokens"))
                .isEqualTo(100);
    }

    @Test
    void should_refuse_several_choices_for_other_providers_whole_and_streamed_naming_n() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        HttpResponse<String> whole = post(key, "{\"model\":\"" + anthropic + "\",\"n\":2," + messages + "}");
        HttpResponse<String> streamed =
                post(key, "{\"model\":\"" + anthropic + "\",\"stream\":true,\"n\":2," + messages + "}");

        for (HttpResponse<String> refused : List.of(whole, streamed)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonObject error = json(refused).getJsonObject("error");
            assertThat(error.getString("param")).isEqualTo("n");
            assertThat(error.getString("message")).contains(anthropic);
        }
    }

    @Test
    void should_stream_the_providers_log_probabilities_of_every_token() {
        HttpResponse<String> streamed = post(
                key,
                "{\"model\":\"" + agent + "\",\"stream\":true,\"logprobs\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say it\"}]}");

        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        List<JsonObject> tokens = new ArrayList<>();
        for (JsonObject chunk : StreamedChunks.of(streamed.body()).chunks()) {
            if (chunk.getJsonArray("choices").isEmpty()) {
                continue;
            }
            JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
            text.append(choice.getJsonObject("delta").getString("content", ""));
            if (choice.get("logprobs") instanceof JsonObject logprobs) {
                tokens.addAll(logprobs.getJsonArray("content").getValuesAs(JsonObject.class));
            }
        }
        assertThat(text).hasToString("Plain answer");
        // Every token the provider streamed, in order, with its log probability as the provider sent it.
        assertThat(tokens).extracting(token -> token.getString("token")).containsExactly("Plain ", "answer");
        assertThat(tokens)
                .extracting(token -> token.getJsonNumber("logprob").doubleValue())
                .containsOnly(AgentUpstream.STREAMED_LOGPROB);
        assertThat(upstream.requests.get(upstream.requests.size() - 1).getBoolean("logprobs"))
                .isTrue();
    }

    private static HttpResponse<String> post(JsonObject key, String body) {
        return AgentGateway.post("/chat/completions", key, body);
    }
}
