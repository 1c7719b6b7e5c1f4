package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's image and speech endpoints for the catalog's image and speech models (an OpenAI-compatible provider on
 * loopback behind them), the model list with each model's type, and CORS for the one browser origin the IT server
 * allows ({@code it.cors.origin}).
 */
class MediaAndCorsIT {

    private static final String ALLOWED_ORIGIN = System.getProperty("it.cors.origin", "http://browser.it.example");

    private static AgentUpstream upstream;
    private static String image;
    private static String speech;
    private static String chat;
    private static JsonObject key;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        upstream = new AgentUpstream();
        image = unique("it-media-image");
        speech = unique("it-media-speech");
        chat = unique("it-media-chat");
        GatewayAdmin.createModel(image, "image", "stub-painter", upstream.apiBase());
        GatewayAdmin.createModel(speech, "speech", "stub-voice", upstream.apiBase());
        GatewayAdmin.createChatModel(chat, AgentUpstream.MODEL, upstream.apiBase());
        key = GatewayAdmin.issueKey(
                unique("it-media-key"), "[\"" + image + "\",\"" + speech + "\",\"" + chat + "\"]", "{}");
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        for (String model : new String[] {image, speech, chat}) {
            if (model != null) {
                GatewayAdmin.deleteModelQuietly(model);
            }
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void should_generate_an_image_with_an_image_model() {
        HttpResponse<String> response = send(
                "POST",
                "/images/generations",
                Map.of(),
                "{\"model\":\"" + image
                        + "\",\"prompt\":\"a red square\",\"size\":\"256x256\",\"response_format\":\"b64_json\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject first = json(response).getJsonArray("data").getJsonObject(0);
        assertThat(first.getString("b64_json")).isEqualTo(AgentUpstream.IMAGE_BASE64);
        assertThat(first.getString("revised_prompt")).isEqualTo("a red square");
        JsonObject sent = upstream.requests.get(upstream.requests.size() - 1);
        assertThat(sent.getString("model")).isEqualTo("stub-painter");
        assertThat(sent.getString("size")).isEqualTo("256x256");
    }

    @Test
    void should_speak_with_a_speech_model_and_refuse_what_it_cannot_carry() throws Exception {
        HttpResponse<byte[]> audio = java.net.http.HttpClient.newHttpClient()
                .send(
                        request(
                                        "POST",
                                        "/audio/speech",
                                        Map.of(),
                                        "{\"model\":\"" + speech
                                                + "\",\"input\":\"Hello\",\"voice\":\"alloy\",\"speed\":1}")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> tooFast = send(
                "POST",
                "/audio/speech",
                Map.of(),
                "{\"model\":\"" + speech + "\",\"input\":\"Hello\",\"voice\":\"alloy\",\"speed\":2}");
        HttpResponse<String> chatModel =
                send("POST", "/audio/speech", Map.of(), "{\"model\":\"" + chat + "\",\"input\":\"Hello\"}");

        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(new String(audio.body(), StandardCharsets.US_ASCII)).isEqualTo(AgentUpstream.SPEECH);
        assertThat(json(tooFast).getJsonObject("error").getString("param")).isEqualTo("speed");
        assertThat(json(chatModel).getJsonObject("error").getString("param")).isEqualTo("model");
    }

    @Test
    void should_list_every_model_type_the_key_may_use_with_its_type() {
        HttpResponse<String> response = send("GET", "/models", Map.of(), null);

        Map<String, String> types = json(response).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(model -> model.getString("id"), model -> model.getString("type")));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(image, "image", speech, "speech", chat, "chat"));
    }

    @Test
    void should_answer_an_allowed_origins_preflight_and_mark_its_responses_but_not_another_origins() {
        HttpResponse<String> preflight = send(
                "OPTIONS",
                "/chat/completions",
                Map.of(
                        "Origin", ALLOWED_ORIGIN,
                        "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, content-type"),
                null);
        HttpResponse<String> allowed = send("GET", "/models", Map.of("Origin", ALLOWED_ORIGIN), null);
        HttpResponse<String> other = send("GET", "/models", Map.of("Origin", "http://elsewhere.example"), null);

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers).contains("Authorization"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers"))
                .as("a page of another origin may read the rate-limit headers")
                .hasValueSatisfying(exposed ->
                        assertThat(exposed).contains("x-ratelimit-remaining-requests", "x-ratelimit-reset-tokens"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        return ServerUnderTest.send(request(method, path, headers, body).build());
    }

    private static HttpRequest.Builder request(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!"OPTIONS".equals(method)) {
            request.header("Authorization", "Bearer " + key.getString("token"));
        }
        headers.forEach(request::header);
        return request;
    }
}
