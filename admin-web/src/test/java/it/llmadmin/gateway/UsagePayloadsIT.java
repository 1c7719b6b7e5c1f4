package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-model "log payloads" switch through the running server: off by default, a gateway call's request log entry
 * has no prompt or answer; switched on through the model admin API (audited), the next calls' entries show the
 * messages and the answer, whole and streamed; switched off again, the next call's entry has none. The gateway key
 * never appears in them.
 */
class UsagePayloadsIT {

    private static UpstreamStub stub;
    private static String model;
    private static JsonObject key;
    private static Instant started;

    @BeforeAll
    static void modelAndKey() throws Exception {
        started = Instant.now().minusSeconds(5);
        stub = new UpstreamStub();
        model = unique("it-payloads");
        GatewayAdmin.createChatModel(model, UpstreamStub.ANSWER_MODEL, stub.apiBase());
        key = GatewayAdmin.issueKey(unique("it-payloads-key"), "[\"" + model + "\"]", "{}");
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        if (model != null) {
            GatewayAdmin.deleteModelQuietly(model);
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void should_keep_prompt_and_answer_only_while_the_models_switch_is_on() throws Exception {
        JsonObject created = GatewayAdmin.json(GatewayAdmin.get("/api/admin/models/" + model));
        assertThat(created.getBoolean("logPayloads")).as(created.toString()).isFalse();

        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            client.chat().completions().create(params("before the switch").build());
            switchTo(true);
            client.chat()
                    .completions()
                    .create(params("whole with the switch on").build());
            try (StreamResponse<ChatCompletionChunk> chunks = client.chat()
                    .completions()
                    .createStreaming(params("streamed with the switch on").build())) {
                chunks.stream().forEach(chunk -> {});
            }
            switchTo(false);
            client.chat().completions().create(params("after the switch").build());
        } finally {
            client.close();
        }

        Map<String, List<JsonObject>> byPrompt = Eventually.polled(
                        "four calls of the key in the request log",
                        UsagePayloadsIT::callsOfTheKey,
                        items -> items.size() >= 4)
                .stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.groupingBy(UsagePayloadsIT::whichCall));
        assertThat(byPrompt).containsOnlyKeys("off", "whole with the switch on", "streamed with the switch on");
        assertThat(byPrompt.get("off")).hasSize(2);

        JsonObject whole = byPrompt.get("whole with the switch on").get(0);
        assertThat(whole.getString("prompt"))
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Answer briefly\"},"
                        + "{\"role\":\"user\",\"content\":\"whole with the switch on\"}]");
        assertThat(whole.getString("completion")).isEqualTo("Hello from the stub");
        JsonObject streamed = byPrompt.get("streamed with the switch on").get(0);
        assertThat(streamed.getString("prompt")).contains("streamed with the switch on");
        assertThat(streamed.getString("completion")).isEqualTo(String.join("", UpstreamStub.STREAMED));
        assertThat(callsOfTheKey().toString()).doesNotContain(key.getString("token"));

        // the switch is audited like every model change
        JsonArray audit = GatewayAdmin.json(GatewayAdmin.get("/api/admin/audit?entityId=" + model))
                .getJsonArray("items");
        List<Boolean> switched = audit.stream()
                .map(JsonValue::asJsonObject)
                .filter(event -> event.getString("action").equals("UPDATE"))
                .map(event -> event.getJsonObject("after").getBoolean("logPayloads"))
                .toList();
        assertThat(switched).containsExactly(false, true);
    }

    /** The calls without a payload (before and after the switch) count as "off"; the others by their last message. */
    private static String whichCall(JsonObject call) {
        if (!call.containsKey("prompt") && !call.containsKey("completion")) {
            return "off";
        }
        for (String name : List.of("whole with the switch on", "streamed with the switch on")) {
            if (call.getString("prompt").contains(name)) {
                return name;
            }
        }
        return "unexpected: " + call;
    }

    private static JsonArray callsOfTheKey() {
        HttpResponse<String> page = GatewayAdmin.get("/api/admin/usage/calls?size=10&from="
                + URLEncoder.encode(started.toString(), StandardCharsets.UTF_8) + "&key="
                + URLEncoder.encode(key.getString("name"), StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return GatewayAdmin.parse(page.body()).getJsonArray("items");
    }

    private static void switchTo(boolean on) {
        HttpResponse<String> current = GatewayAdmin.get("/api/admin/models/" + model);
        String version = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed =
                GatewayAdmin.patch("/api/admin/models/" + model, "{\"logPayloads\":" + on + "}", version);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(GatewayAdmin.parse(changed.body()).getBoolean("logPayloads")).isEqualTo(on);
    }

    private static ChatCompletionCreateParams.Builder params(String question) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage("Answer briefly")
                .addUserMessage(question);
    }
}
