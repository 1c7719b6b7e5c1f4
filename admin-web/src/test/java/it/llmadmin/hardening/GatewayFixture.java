package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/**
 * One gateway key (every model) and one chat model for this package's gateway probes, made once. The model's api base
 * is a closed port: the probes are refused before any upstream call.
 */
final class GatewayFixture {

    static final String MODEL = Probe.unique("hardening-chat");

    private static String token;

    private GatewayFixture() {}

    static synchronized String token() {
        if (token == null) {
            HttpResponse<String> model = Probe.json(
                    "POST",
                    "/api/admin/models",
                    Probe.admin(),
                    "{\"id\":\"" + MODEL + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"m\","
                            + "\"displayName\":\"Hardening\",\"apiBase\":\"http://127.0.0.1:9/v1\",\"active\":true}");
            assertThat(model.statusCode()).as(model.body()).isEqualTo(201);
            HttpResponse<String> key = Probe.json(
                    "POST",
                    "/api/admin/gateway-keys",
                    Probe.admin(),
                    "{\"name\":\"" + Probe.unique("hardening") + "\",\"allowedModels\":[]}");
            assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
            token = Probe.parse(key).getString("token");
        }
        return token;
    }

    /** A chat completion through this package's key, as an OpenAI client sends one (one user message). */
    static HttpResponse<String> chat(String model, String content) {
        return Probe.json(
                "POST",
                "/openai/v1/chat/completions",
                "Bearer " + token(),
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}");
    }
}
