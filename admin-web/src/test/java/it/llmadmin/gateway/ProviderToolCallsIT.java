package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import it.llmadmin.ServerUnderTest;
import it.llmadmin.gateway.ProviderWireUpstream.Wire;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tool calling through the gateway's {@code /openai/v1/chat/completions} for models of Anthropic, Gemini, Ollama and
 * Mistral, driven by OpenAI's Java SDK against a local server speaking each provider's own wire format: the tool reaches
 * the provider in its shape, the provider's tool call comes back to the client as OpenAI's {@code tool_calls}, and the
 * tool's result goes back to the provider in its shape.
 */
class ProviderToolCallsIT {

    private static final String WEATHER_TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"GetWeather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}}}";

    /** A tool, as the SDK derives it from a class: {@code GetWeather(city)}. */
    public static class GetWeather {
        public String city;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void should_round_trip_a_tool_call_with_a_model_of_this_provider(Wire wire) throws Exception {
        withModelOf(wire, (upstream, model, token) -> {
            OpenAIClient client = OpenAiClients.forKey(token);
            try {
                roundTrip(client, upstream, wire, model);
            } finally {
                client.close();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void should_stream_the_providers_tool_call_in_openais_chunk_shape(Wire wire) throws Exception {
        withModelOf(wire, (upstream, model, token) -> {
            String marker = unique("streamed");
            HttpResponse<String> response = post(
                    token,
                    "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                            + "\"Weather in Paris? " + marker + "\"}],\"tools\":[" + WEATHER_TOOL + "]}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            StreamedChunks.ToolCallStream calls =
                    StreamedChunks.of(response.body()).toolCalls();
            assertThat(calls.finishReasons()).containsExactly("tool_calls");
            JsonObject head = calls.deltas().get(0);
            assertThat(head.getInt("index")).isZero();
            assertThat(head.getString("type")).isEqualTo("function");
            assertThat(head.getJsonObject("function").getString("name")).isEqualTo("GetWeather");
            switch (wire) {
                // The provider's own call id is kept; Gemini and Ollama give none, so the gateway makes one.
                case ANTHROPIC -> assertThat(head.getString("id")).isEqualTo("toolu_1");
                case MISTRAL -> assertThat(head.getString("id")).isEqualTo("abcDEF123");
                case GEMINI, OLLAMA -> assertThat(head.getString("id")).startsWith("call_");
            }
            for (JsonObject next : calls.deltas().subList(1, calls.deltas().size())) {
                assertThat(next.getInt("index")).isZero();
                assertThat(next.keySet()).doesNotContain("id", "type");
                assertThat(next.getJsonObject("function").keySet()).containsExactly("arguments");
            }
            assertThat(GatewayAdmin.parse(String.join("", calls.argumentFragments()))
                            .getString("city"))
                    .isEqualTo("Paris");
            if (wire == Wire.ANTHROPIC) {
                // Anthropic streams the arguments in pieces: they reach the client piece by piece, as they came.
                assertThat(calls.argumentFragments().stream().filter(piece -> !piece.isEmpty()))
                        .containsExactly(
                                ProviderWireStreams.ANTHROPIC_PIECES[1], ProviderWireStreams.ANTHROPIC_PIECES[2]);
            }
            assertThat(offeredTool(wire, upstream.lastRequestWith(marker)).getString("name"))
                    .isEqualTo("GetWeather");
        });
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void should_send_a_json_schema_in_the_providers_own_shape(Wire wire) throws Exception {
        withModelOf(wire, (upstream, model, token) -> {
            String marker = unique("structured");
            HttpResponse<String> response = post(
                    token,
                    "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Where? " + marker
                            + "\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"place\","
                            + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
                            + "\"string\"}},\"required\":[\"city\"],\"additionalProperties\":false}}}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject message = GatewayAdmin.json(response)
                    .getJsonArray("choices")
                    .getJsonObject(0)
                    .getJsonObject("message");
            assertThat(message.getString("content")).isEqualTo(ProviderWireUpstream.STRUCTURED);
            JsonObject schema = sentSchema(wire, upstream.lastRequestWith(marker));
            assertThat(schema.getJsonObject("properties").getJsonObject("city").getString("type"))
                    .isEqualToIgnoringCase("string");
            assertThat(schema.getJsonArray("required").getString(0)).isEqualTo("city");
        });
    }

    /** Where each provider's request carries the answer's schema. */
    private static JsonObject sentSchema(Wire wire, JsonObject request) {
        return switch (wire) {
            case GEMINI -> {
                JsonObject config = request.getJsonObject("generationConfig");
                assertThat(config.getString("responseMimeType")).isEqualTo("application/json");
                yield config.containsKey("responseJsonSchema")
                        ? config.getJsonObject("responseJsonSchema")
                        : config.getJsonObject("responseSchema");
            }
            case OLLAMA -> request.getJsonObject("format");
            case MISTRAL -> {
                JsonObject format = request.getJsonObject("response_format");
                assertThat(format.getString("type")).isEqualTo("json_schema");
                yield format.getJsonObject("json_schema").getJsonObject("schema");
            }
            case ANTHROPIC -> {
                // Anthropic's structured output: output_config.format of type json_schema.
                JsonObject format = request.getJsonObject("output_config").getJsonObject("format");
                assertThat(format.getString("type")).isEqualTo("json_schema");
                yield format.getJsonObject("schema");
            }
        };
    }

    /** A model of this provider on a stub speaking its wire, and a key for it; everything is removed afterwards. */
    private static void withModelOf(Wire wire, ModelTest test) throws Exception {
        String model = unique("it-tools-" + wire.provider);
        Long credential = null;
        JsonObject key = null;
        try (ProviderWireUpstream upstream = new ProviderWireUpstream(wire)) {
            credential = wire == Wire.OLLAMA ? null : createCredential(wire, upstream.apiBase());
            createModel(model, wire, upstream.apiBase(), credential);
            key = GatewayAdmin.issueKey(unique("it-tools-key"), "[\"" + model + "\"]", "{}");
            test.run(upstream, model, key.getString("token"));
        } finally {
            GatewayAdmin.revokeQuietly(key);
            GatewayAdmin.deleteModelQuietly(model);
            if (credential != null) {
                GatewayAdmin.delete("/api/admin/credentials/" + credential);
            }
        }
    }

    @FunctionalInterface
    private interface ModelTest {
        void run(ProviderWireUpstream upstream, String model, String token) throws Exception;
    }

    private static HttpResponse<String> post(String token, String body) {
        return ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static void roundTrip(OpenAIClient client, ProviderWireUpstream upstream, Wire wire, String model) {
        String marker = unique("weather");
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("What is the weather in Paris? " + marker)
                .addTool(GetWeather.class);

        ChatCompletion first = client.chat().completions().create(params.build());

        assertThat(first.choices().get(0).finishReason()).hasToString("tool_calls");
        ChatCompletionMessageFunctionToolCall call = first.choices()
                .get(0)
                .message()
                .toolCalls()
                .orElseThrow()
                .get(0)
                .asFunction();
        assertThat(call.id()).isNotBlank();
        assertThat(call.function().name()).isEqualTo("GetWeather");
        assertThat(call.function().arguments(GetWeather.class).city).isEqualTo("Paris");
        JsonObject offered = offeredTool(wire, upstream.lastRequestWith(marker));
        assertThat(offered.getString("name")).isEqualTo("GetWeather");
        JsonObject parameters = offered.getJsonObject(wire == Wire.ANTHROPIC ? "input_schema" : "parameters");
        assertThat(parameters.getJsonObject("properties").containsKey("city")).isTrue();

        params.addMessage(first.choices().get(0).message())
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .content("Sunny, 24 C")
                        .build());
        ChatCompletion second = client.chat().completions().create(params.build());

        assertThat(second.choices().get(0).message().content()).contains(ProviderWireUpstream.ANSWER);
        assertThat(second.choices().get(0).finishReason()).hasToString("stop");
        String answered = upstream.lastRequestWith("Sunny, 24 C").toString();
        switch (wire) {
            case ANTHROPIC ->
                assertThat(answered)
                        .contains("\"tool_use\"", "\"tool_result\"", "\"tool_use_id\":\"" + call.id() + "\"");
            case GEMINI -> assertThat(answered).contains("\"functionCall\"", "\"functionResponse\"", "GetWeather");
            case OLLAMA -> assertThat(answered).contains("\"tool_calls\"", "\"role\":\"tool\"");
            case MISTRAL ->
                assertThat(answered)
                        .contains("\"tool_calls\"", "\"role\":\"tool\"", "\"tool_call_id\":\"" + call.id() + "\"");
        }
    }

    private static JsonObject offeredTool(Wire wire, JsonObject request) {
        return switch (wire) {
            case ANTHROPIC -> request.getJsonArray("tools").getJsonObject(0);
            case GEMINI ->
                request.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonArray("functionDeclarations")
                        .getJsonObject(0);
            case OLLAMA, MISTRAL ->
                request.getJsonArray("tools").getJsonObject(0).getJsonObject("function");
        };
    }

    /** A credential of the provider bound to the stub, so the model's key goes there and nowhere else. */
    private static long createCredential(Wire wire, String apiBase) {
        HttpResponse<String> created = GatewayAdmin.post(
                "/api/admin/credentials",
                "{\"name\":\"" + unique("it-tools-cred") + "\",\"provider\":\"" + wire.provider + "\",\"baseUrl\":\""
                        + apiBase + "\",\"secret\":\"it-provider-secret-" + unique("s") + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getJsonNumber("id").longValue();
    }

    private static void createModel(String id, Wire wire, String apiBase, Long credential) {
        HttpResponse<String> created = GatewayAdmin.post(
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"" + wire.provider
                        + "\",\"providerModelName\":\"" + wire.modelName + "\",\"displayName\":\"IT " + id
                        + "\",\"apiBase\":\"" + apiBase + "\",\"contextLength\":8192,\"active\":true,"
                        + GatewayAdmin.CAPABLE + (credential == null ? "" : ",\"credentialId\":" + credential) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
