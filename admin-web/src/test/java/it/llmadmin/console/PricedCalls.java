package it.llmadmin.console;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls that cost money, for the usage and budget pages: a chat model on the loopback {@link PlaygroundProvider}
 * (13 prompt and 6 completion tokens per answer), priced 100 and 1000 USD per million tokens (0.0073 USD per call), a
 * gateway key allowed to call it, and whole (not streamed) calls through the gateway with that key.
 */
final class PricedCalls implements AutoCloseable {

    static final BigDecimal COST_PER_CALL = new BigDecimal("0.0073");

    final String model;
    final String key;
    final String token;
    private final PlaygroundProvider provider;

    PricedCalls(String prefix) throws Exception {
        provider = new PlaygroundProvider();
        model = UsersApi.unique(prefix + "-model");
        key = UsersApi.unique(prefix + "-key");
        ModelsApi.createOn(model, "chat", "other", provider.apiBase(), "{}");
        HttpResponse<String> priced = asAdmin(
                "/api/admin/models/" + model + "/prices",
                "{\"currency\":\"USD\",\"inputPerMillion\":100,\"outputPerMillion\":1000}");
        if (priced.statusCode() != 201) {
            throw new IllegalStateException("could not price " + model + ": " + priced.body());
        }
        token = KeysApi.issue(key).getString("token");
    }

    /** Makes this many calls through the gateway and waits until the request log shows them all. */
    void call(int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/openai/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}"))
                    .build());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("gateway call: " + answer.statusCode() + " " + answer.body());
            }
        }
        for (int i = 0; i < 60 && logged() < times; i++) {
            Thread.sleep(500);
        }
    }

    /** How many calls of the key the request log holds. */
    int logged() {
        HttpResponse<String> calls = send(get("/api/admin/usage/calls?size=500&key=" + key));
        try (JsonReader reader = Json.createReader(new StringReader(calls.body()))) {
            var body = reader.read();
            JsonArray items = body.getValueType() == jakarta.json.JsonValue.ValueType.ARRAY
                    ? body.asJsonArray()
                    : body.asJsonObject().getJsonArray("items");
            return items.size();
        }
    }

    /** Deletes every budget of this key or model through the API. */
    void clearBudgets() {
        HttpResponse<String> listed = send(get("/api/admin/budgets"));
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            for (var value : reader.readArray()) {
                JsonObject budget = value.asJsonObject();
                String subject = budget.getString("subject");
                if (subject.equals(key) || subject.equals(model)) {
                    send(HttpRequest.newBuilder(uri("/api/admin/budgets/" + budget.getJsonNumber("id")))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD))
                            .DELETE()
                            .build());
                }
            }
        }
    }

    /** Creates a budget through the API. */
    void budget(String scope, String subject, String amount, String period) {
        HttpResponse<String> created = asAdmin(
                "/api/admin/budgets",
                "{\"scope\":\"" + scope + "\",\"subject\":\"" + subject + "\",\"amount\":" + amount
                        + ",\"currency\":\"USD\",\"period\":\"" + period + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the budget: " + created.body());
        }
    }

    @Override
    public void close() {
        clearBudgets();
        KeysApi.removeQuietly(key);
        ModelsApi.deleteQuietly(model);
        provider.close();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD))
                .GET()
                .build();
    }

    private static HttpResponse<String> asAdmin(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
