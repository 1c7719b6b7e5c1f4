package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Legacy kwargs that become configuration: a row's {@code extra_headers} are sent with every call its model makes (the
 * secret one through the vault, to that endpoint only), and a Gemini row's {@code safety_settings} reach Gemini's
 * request body. Imported through the admin API, called through the gateway, received by a provider stub.
 */
class ImportedProviderSettingsIT {

    private static final String KEY = "sk-it-hdr-key-5c2e81";
    private static final String GEMINI_KEY = "AIza-it-gemini-key-93d1";

    private final AdminClient admin = AdminClient.admin();
    private ProviderCallRecorder provider;
    private JsonObject gatewayKey;
    private String openAiModel;
    private String geminiModel;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new ProviderCallRecorder();
        openAiModel = AdminClient.unique("it-hdr-openai");
        geminiModel = AdminClient.unique("it-hdr-gemini");
    }

    @AfterEach
    void cleanUp() {
        if (gatewayKey != null) {
            admin.post(
                    "/api/admin/gateway-keys/" + gatewayKey.getJsonNumber("id").longValue() + "/revoke", "");
        }
        // Other ITs check /v1/models byte for byte: leave the catalog as it was.
        AdminClient.deleteQuietly(openAiModel);
        AdminClient.deleteQuietly(geminiModel);
        provider.close();
    }

    private String fixture() {
        return """
                [{"model": "llm.modelconfiguration", "pk": 1, "fields": {"type": "Chat", "provider": "openai",
                  "name": "%s", "api_base": "%s", "ctx_length": 8000, "limit_requests": 0, "limit_input": 0,
                  "limit_output": 0, "vision": false, "kwargs": {"extra_headers": {"X-Team": "platform",
                  "HTTP-Referer": "https://agent.example", "Authorization": "Bearer %s"}}}},
                 {"model": "llm.modelconfiguration", "pk": 2, "fields": {"type": "Chat", "provider": "google",
                  "name": "%s", "api_base": "%s", "ctx_length": 8000, "limit_requests": 0, "limit_input": 0,
                  "limit_output": 0, "vision": false, "kwargs": {"api_key": "%s",
                  "extra_headers": {"X-Gemini-Team": "research"},
                  "safety_settings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"},
                                      {"category": "HARM_CATEGORY_MADE_UP", "threshold": "BLOCK_NONE"}]}}}]
                """.formatted(openAiModel, provider.openAiBase(), KEY, geminiModel, provider.geminiBase(), GEMINI_KEY);
    }

    private HttpResponse<String> complete(String model) {
        return ServerUnderTest.send(HttpRequest.newBuilder(uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + gatewayKey.getString("token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build());
    }

    private void importAndIssueKey() {
        HttpResponse<String> imported = admin.post("/api/admin/imports/fixture?name=headers.json", fixture());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject report = AdminClient.json(imported);
        assertThat(report.getJsonObject("counts").getInt("created")).isEqualTo(2);
        assertThat(imported.body()).doesNotContain(KEY).doesNotContain(GEMINI_KEY);
        assertThat(imported.body())
                .as("headers are applied now; only the safety entry Gemini does not know is listed")
                .doesNotContain("not applied: extra_headers")
                .contains("safety_settings[1] (unknown HARM_CATEGORY_MADE_UP / BLOCK_NONE)");
        HttpResponse<String> key = admin.post(
                "/api/admin/gateway-keys",
                "{\"name\":\"" + AdminClient.unique("it-hdr-key") + "\",\"allowedModels\":[],\"limits\":{}}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        gatewayKey = AdminClient.json(key);
    }

    @Test
    void should_send_an_imported_models_headers_to_its_provider_and_its_secret_header_from_the_vault() {
        importAndIssueKey();

        HttpResponse<String> answer = complete(openAiModel);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("openai wire ok");
        ProviderCallRecorder.Received call = provider.last("/v1/chat/completions");
        assertThat(call.header("X-Team")).isEqualTo("platform");
        assertThat(call.header("HTTP-Referer")).isEqualTo("https://agent.example");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonObject model = AdminClient.json(admin.get("/api/admin/models/" + openAiModel));
        assertThat(model.getJsonObject("extraKwargs")
                        .getJsonObject("extra_headers")
                        .toString())
                .contains("\"X-Team\":\"platform\"")
                .doesNotContain("Authorization")
                .doesNotContain(KEY);
    }

    @Test
    void should_let_an_admin_edit_the_headers_and_refuse_a_line_break_or_a_secret_header() {
        importAndIssueKey();
        String path = "/api/admin/models/" + openAiModel;
        String etag = admin.get(path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> injected =
                admin.patch(path, "{\"extraKwargs\":{\"extra_headers\":{\"X-Team\":\"a\\r\\nX-Injected: 1\"}}}", etag);
        HttpResponse<String> secret =
                admin.patch(path, "{\"extraKwargs\":{\"extra_headers\":{\"X-Api-Key\":\"sk-not-here-123456\"}}}", etag);
        HttpResponse<String> badName =
                admin.patch(path, "{\"extraKwargs\":{\"extra_headers\":{\"X Team\":\"a\"}}}", etag);

        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(400);
        assertThat(injected.body()).contains("extraKwargs.extra_headers.X-Team").contains("line breaks");
        assertThat(secret.statusCode()).isEqualTo(400);
        assertThat(secret.body())
                .contains("extraKwargs.extra_headers.X-Api-Key")
                .doesNotContain("sk-not-here");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("is not a header name");

        HttpResponse<String> edited = admin.patch(
                path, "{\"extraKwargs\":{\"extra_headers\":{\"X-Team\":\"edited\",\"HTTP-Referer\":null}}}", etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(complete(openAiModel).statusCode()).isEqualTo(200);
        assertThat(provider.last("/v1/chat/completions").header("X-Team")).isEqualTo("edited");
        assertThat(provider.last("/v1/chat/completions").header("HTTP-Referer")).isNull();
    }

    @Test
    void should_send_an_imported_gemini_models_safety_settings_and_headers_in_geminis_wire_format() {
        importAndIssueKey();

        HttpResponse<String> answer = complete(geminiModel);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("gemini wire ok");
        ProviderCallRecorder.Received call = provider.last(":generateContent");
        assertThat(call.header("X-Gemini-Team")).isEqualTo("research");
        assertThat(call.header("x-goog-api-key")).isEqualTo(GEMINI_KEY);
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(call.body()))) {
            body = reader.readObject();
        }
        assertThat(body.getJsonArray("safetySettings").toString())
                .contains("\"category\":\"HARM_CATEGORY_HARASSMENT\"")
                .contains("\"threshold\":\"BLOCK_NONE\"")
                .doesNotContain("MADE_UP");
    }
}
