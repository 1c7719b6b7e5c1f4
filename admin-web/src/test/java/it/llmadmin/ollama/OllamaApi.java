package it.llmadmin.ollama;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;

/** The admin API calls the Ollama ITs make, as the build's admin (HTTP Basic). */
public final class OllamaApi {

    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    private OllamaApi() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static HttpResponse<String> get(String path) {
        return ServerUnderTest.send(request(path).GET().build());
    }

    public static HttpResponse<String> delete(String path) {
        return ServerUnderTest.send(request(path).DELETE().build());
    }

    public static HttpResponse<String> post(String path, String json) {
        return ServerUnderTest.send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Starts a pull and returns its job; fails the test unless it was accepted. */
    public static JsonObject startPull(String endpoint, String model, String expectedDigest) {
        HttpResponse<String> started = post(
                "/api/admin/ollama/pulls",
                "{\"endpoint\":\"" + endpoint + "\",\"model\":\"" + model + "\""
                        + (expectedDigest == null ? "" : ",\"expectedDigest\":\"" + expectedDigest + "\"") + "}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("pull not accepted: " + started.statusCode() + " " + started.body());
        }
        return object(started.body());
    }

    public static JsonObject pull(String id) {
        return object(get("/api/admin/ollama/pulls/" + id).body());
    }

    /** Polls a pull until it matches, for at most a minute. */
    public static JsonObject awaitPull(String id, Predicate<JsonObject> condition) throws InterruptedException {
        return Eventually.value("pull " + id, Eventually.PATIENCE, Duration.ofMillis(100), () -> pull(id), condition);
    }

    public static JsonObject awaitFinished(String id) throws InterruptedException {
        return awaitPull(id, job -> !job.getString("status").equals("running"));
    }

    /** Creates a catalog model routed to an Ollama model at this endpoint. */
    public static void createOllamaModel(String id, String providerModelName, String endpoint, int contextLength) {
        createOllamaModel(id, providerModelName, endpoint, contextLength, false);
    }

    /** Creates a catalog model routed to an Ollama model at this endpoint, declared to take images or not. */
    public static void createOllamaModel(
            String id, String providerModelName, String endpoint, int contextLength, boolean vision) {
        HttpResponse<String> created = post(
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"ollama\",\"providerModelName\":\""
                        + providerModelName + "\",\"displayName\":\"IT " + id + "\",\"apiBase\":\"" + endpoint
                        + "\",\"contextLength\":" + contextLength + ",\"capabilities\":{\"vision\":" + vision
                        + "},\"active\":true}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
    }

    public static void deleteModelQuietly(String id) {
        delete("/api/admin/models/" + id);
    }

    public static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    /** Issues a gateway key for the model, asks it one question through /openai/v1, revokes the key: the answer. */
    public static String chatThroughGateway(String modelId) {
        HttpResponse<String> issued = post(
                "/api/admin/gateway-keys",
                "{\"name\":\"" + unique("it-ollama-key") + "\",\"allowedModels\":[\"" + modelId + "\"],\"limits\":{}}");
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("no gateway key: " + issued.statusCode() + " " + issued.body());
        }
        JsonObject key = object(issued.body());
        try {
            HttpResponse<String> answered =
                    ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/chat/completions"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key.getString("token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + modelId
                                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello?\"}]}"))
                            .build());
            if (answered.statusCode() != 200) {
                throw new AssertionError("the gateway answered " + answered.statusCode() + ": " + answered.body());
            }
            return object(answered.body())
                    .getJsonArray("choices")
                    .getJsonObject(0)
                    .getJsonObject("message")
                    .getString("content");
        } finally {
            post("/api/admin/gateway-keys/" + key.getJsonNumber("id").longValue() + "/revoke", "");
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(ServerUnderTest.uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
