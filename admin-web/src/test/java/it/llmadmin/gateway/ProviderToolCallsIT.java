package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import it.llmadmin.ServerUnderTest;
import it.llmadmin.gateway.ProviderWireUpstream.Wire;
import jakarta.json.JsonObject;
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

    /** A tool, as the SDK derives it from a class: {@code GetWeather(city)}. */
    public static class GetWeather {
        public String city;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void should_round_trip_a_tool_call_with_a_model_of_this_provider(Wire wire) throws Exception {
        String model = unique("it-tools-" + wire.provider);
        Long credential = null;
        JsonObject key = null;
        try (ProviderWireUpstream upstream = new ProviderWireUpstream(wire)) {
            credential = wire == Wire.OLLAMA ? null : createCredential(wire, upstream.apiBase());
            createModel(model, wire, upstream.apiBase(), credential);
            key = GatewayAdmin.issueKey(unique("it-tools-key"), "[\"" + model + "\"]", "{}");
            OpenAIClient client = OpenAIOkHttpClient.builder()
                    .baseUrl(ServerUnderTest.uri("/openai/v1").toString())
                    .apiKey(key.getString("token"))
                    .maxRetries(0)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try {
                roundTrip(client, upstream, wire, model);
            } finally {
                client.close();
            }
        } finally {
            GatewayAdmin.revokeQuietly(key);
            GatewayAdmin.deleteModelQuietly(model);
            if (credential != null) {
                GatewayAdmin.delete("/api/admin/credentials/" + credential);
            }
        }
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
