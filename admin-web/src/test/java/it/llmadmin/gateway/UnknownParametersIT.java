package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parameter the gateway does not know is refused on chat completions and on the Responses API as OpenAI refuses one:
 * a 400 in OpenAI's error shape naming it in {@code param}, before the provider is called, a limit counts the call or
 * the request log records it. The values that mean "off", and what the SDKs send by default, still go through.
 */
class UnknownParametersIT {

    private static final int REQUESTS_PER_MINUTE = 20;

    private static AgentGateway gateway;
    private static AgentUpstream upstream;
    private static String agent;
    private static Instant started;

    @BeforeAll
    static void createModel() throws Exception {
        started = Instant.now().minusSeconds(5);
        gateway = new AgentGateway();
        upstream = gateway.upstream;
        agent = gateway.chatModel("it-unknown", AgentUpstream.MODEL);
    }

    @AfterAll
    static void cleanUp() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void should_refuse_an_unknown_chat_parameter_by_name_before_calling_counting_or_recording_anything() {
        JsonObject key = countedKey();
        OpenAIClient client = gateway.client(key);
        String marker = unique("unknown-chat");

        BadRequestException refused = catchThrowableOfType(
                BadRequestException.class,
                () -> client.chat()
                        .completions()
                        .create(ChatCompletionCreateParams.builder()
                                .model(agent)
                                .addUserMessage("Hi " + marker)
                                .putAdditionalBodyProperty("verbosity", JsonValue.from("low"))
                                .build()));
        HttpResponse<String> raw = AgentGateway.post(
                "/chat/completions",
                key,
                "{\"model\":\"" + agent + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi " + marker
                        + "\"}],\"reasoning\":{\"effort\":\"low\"}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.param()).contains("verbosity");
        assertThat(refused.type()).contains("invalid_request_error");
        assertThat(refused.getMessage()).contains("Unrecognized request argument supplied: verbosity");
        // /responses' name for reasoning_effort, sent to chat: refused by name rather than run without it.
        assertOpenAiRefusal(raw, "reasoning");
        assertThat(raw.body()).contains("Unrecognized request argument supplied: reasoning");
        assertNothingCalledCountedOrRecorded(key, marker, "/chat/completions", chatBody("Hi"));
    }

    @Test
    void should_accept_the_chat_values_that_mean_off_from_the_official_client() {
        OpenAIClient client = gateway.client(countedKey());
        ChatCompletion answer = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(agent)
                        .addUserMessage("Hi " + unique("neutral-chat"))
                        .tools(List.of())
                        .stopOfStrings(List.of())
                        .logprobs(false)
                        .logitBias(
                                ChatCompletionCreateParams.LogitBias.builder().build())
                        .metadata(ChatCompletionCreateParams.Metadata.builder()
                                .putAdditionalProperty("team", JsonValue.from("it"))
                                .build())
                        .store(false)
                        .user("alice")
                        .promptCacheKey("team-cache-key")
                        .safetyIdentifier("user-safety-42")
                        .putAdditionalBodyProperty("prompt_cache_retention", JsonValue.from("24h"))
                        .putAdditionalBodyProperty("verbosity", JsonValue.from(null))
                        .build());

        assertThat(answer.choices().get(0).message().content()).contains("Plain answer");
        // The cache and safety hints change no answer: accepted, and not sent on to the provider.
        assertThat(upstream.requests)
                .isNotEmpty()
                .noneMatch(request -> request.toString().contains("team-cache-key")
                        || request.toString().contains("user-safety-42"));
    }

    @Test
    void should_refuse_an_unknown_responses_parameter_and_the_unsupported_ones_by_name_before_anything_counts() {
        JsonObject key = countedKey();
        OpenAIClient client = gateway.client(key);
        String marker = unique("unknown-resp");

        BadRequestException refused = catchThrowableOfType(
                BadRequestException.class,
                () -> client.responses()
                        .create(ResponseCreateParams.builder()
                                .model(agent)
                                .input("Hi " + marker)
                                .putAdditionalBodyProperty("seed", JsonValue.from(7))
                                .build()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.param()).contains("seed");
        assertThat(refused.getMessage()).contains("Unrecognized request argument supplied: seed");
        String input = "\"input\":\"Hi " + marker + "\"";
        for (String parameter : List.of(
                "\"frequency_penalty\":0.5",
                "\"background\":true",
                "\"conversation\":\"conv_1\"",
                "\"prompt\":{\"id\":\"pmpt_1\"}",
                "\"context_management\":[{\"type\":\"compaction\"}]",
                "\"truncation\":\"auto\"",
                "\"top_logprobs\":2",
                "\"include\":[\"message.output_text.logprobs\"]",
                "\"service_tier\":\"flex\"")) {
            HttpResponse<String> response = AgentGateway.post(
                    "/responses", key, "{\"model\":\"" + agent + "\"," + input + "," + parameter + "}");

            assertOpenAiRefusal(response, parameter.substring(1, parameter.indexOf('"', 1)));
        }
        assertNothingCalledCountedOrRecorded(
                key, marker, "/responses", "{\"model\":\"" + agent + "\",\"input\":\"Hi\"}");
    }

    @Test
    void should_accept_on_responses_every_parameter_the_sdks_send_by_default_and_echo_the_metadata() {
        HttpResponse<String> response = AgentGateway.post(
                "/responses",
                countedKey(),
                "{\"model\":\"" + agent + "\",\"input\":\"Hi " + unique("neutral-resp") + "\",\"instructions\":\"Be"
                        + " brief\",\"include\":[\"reasoning.encrypted_content\"],\"tools\":[],\"tool_choice\":\"auto\","
                        + "\"parallel_tool_calls\":true,\"text\":{\"format\":{\"type\":\"text\"}},\"reasoning\":{},"
                        + "\"truncation\":\"disabled\",\"store\":false,\"stream\":false,\"stream_options\":null,"
                        + "\"metadata\":{\"team\":\"it\"},\"max_output_tokens\":50,\"temperature\":0.5,\"top_p\":1,"
                        + "\"user\":\"alice\",\"prompt_cache_key\":\"team-a\",\"prompt_cache_retention\":\"24h\","
                        + "\"safety_identifier\":\"user-42\",\"service_tier\":\"auto\",\"background\":false,"
                        + "\"max_tool_calls\":3,\"top_logprobs\":0,\"conversation\":null,\"prompt\":null,"
                        + "\"previous_response_id\":null}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("status")).isEqualTo("completed");
        assertThat(body.getJsonObject("metadata").getString("team")).isEqualTo("it");
        assertThat(body.getJsonArray("output")
                        .getJsonObject(0)
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("Plain answer");
    }

    /** A key of its own, so its window and its rows in the request log hold this test's calls only. */
    private static JsonObject countedKey() {
        return gateway.key("it-unknown-key", "{\"requestsPerMinute\":" + REQUESTS_PER_MINUTE + "}", agent);
    }

    private static String chatBody(String text) {
        return "{\"model\":\"" + agent + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    /** OpenAI's error shape, naming the parameter. */
    private static void assertOpenAiRefusal(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode())
                .as(parameter + " -> " + response.body())
                .isEqualTo(400);
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.keySet()).containsExactlyInAnyOrder("message", "type", "param", "code");
        assertThat(error.getString("type")).isEqualTo("invalid_request_error");
        assertThat(error.getString("param")).isEqualTo(parameter);
        assertThat(error.getString("message")).contains(parameter);
    }

    /**
     * The refused calls reached no provider, took nothing from the key's window (the next answered call is its first)
     * and left no row in the request log (the answered call is the key's only one once it is there).
     */
    private static void assertNothingCalledCountedOrRecorded(JsonObject key, String marker, String path, String body) {
        assertThat(upstream.requests).noneMatch(request -> request.toString().contains(marker));
        HttpResponse<String> answered = AgentGateway.post(path, key, body);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("x-ratelimit-remaining-requests"))
                .contains(Integer.toString(REQUESTS_PER_MINUTE - 1));
        JsonArray calls = Eventually.polled(
                "the answered call in the request log",
                () -> {
                    HttpResponse<String> page = GatewayAdmin.get("/api/admin/usage/calls?size=10&from="
                            + URLEncoder.encode(started.toString(), StandardCharsets.UTF_8) + "&key="
                            + URLEncoder.encode(key.getString("name"), StandardCharsets.UTF_8));
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                    return GatewayAdmin.parse(page.body()).getJsonArray("items");
                },
                items -> !items.isEmpty());
        assertThat(calls).as("only the answered call is recorded").hasSize(1);
        assertThat(calls.getJsonObject(0).getString("outcome")).isEqualTo("SUCCESS");
    }
}
