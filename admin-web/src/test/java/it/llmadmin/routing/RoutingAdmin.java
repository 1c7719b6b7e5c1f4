package it.llmadmin.routing;

import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The admin API and gateway calls the routing ITs need, as the build's admin or with a gateway key. */
final class RoutingAdmin {

    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    private RoutingAdmin() {}

    /** A name no other test and no earlier run uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * An active chat model of provider {@code other} (no key needed) at the stub, with these fallbacks (which must
     * exist already).
     */
    static void createChatModel(String id, String providerModelName, String apiBase, List<String> fallbacks) {
        createChatModel(ServerUnderTest::uri, id, providerModelName, apiBase, fallbacks);
    }

    /** The same on the server at {@code at} (the second server of a two-instance IT). */
    static void createChatModel(
            Function<String, URI> at, String id, String providerModelName, String apiBase, List<String> fallbacks) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < fallbacks.size(); i++) {
            list.append(i == 0 ? "" : ",").append('"').append(fallbacks.get(i)).append('"');
        }
        list.append(']');
        HttpResponse<String> created = admin(
                at,
                "POST",
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\""
                        + providerModelName + "\",\"displayName\":\"IT " + id + "\",\"apiBase\":\"" + apiBase
                        + "\",\"contextLength\":8192,\"active\":true,\"fallbacks\":" + list + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
    }

    /** Creates a model from its admin API JSON; fails the test when that does not work. */
    static void createModel(String json) {
        HttpResponse<String> created = admin("POST", "/api/admin/models", json);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create a model: " + created.statusCode() + " " + created.body());
        }
    }

    static void deleteModelQuietly(String id) {
        admin("DELETE", "/api/admin/models/" + id, null);
    }

    /** Issues a key for every model and returns its token. */
    static JsonObject issueKey(String name) {
        return issueKey(ServerUnderTest::uri, name);
    }

    static JsonObject issueKey(Function<String, URI> at, String name) {
        HttpResponse<String> created = admin(
                at,
                "POST",
                "/api/admin/gateway-keys",
                "{\"name\":\"" + name + "\",\"allowedModels\":[],\"limits\":{}}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not issue a key: " + created.statusCode() + " " + created.body());
        }
        return object(created.body());
    }

    static void revokeQuietly(JsonObject key) {
        if (key != null) {
            admin("POST", "/api/admin/gateway-keys/" + key.getJsonNumber("id").longValue() + "/revoke", "");
        }
    }

    /** {@code GET /api/admin/usage} of the last hour. */
    static JsonArray usage() {
        HttpResponse<String> response = admin("GET", "/api/admin/usage", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("usage: " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    static HttpResponse<String> admin(String method, String path, String json) {
        return admin(ServerUnderTest::uri, method, path, json);
    }

    static HttpResponse<String> admin(Function<String, URI> at, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(at.apply(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return ServerUnderTest.send(request.build());
    }

    /** A chat completion through the gateway with the key's token. */
    static HttpResponse<String> complete(String token, String body) {
        return complete(ServerUnderTest::uri, token, body);
    }

    static HttpResponse<String> complete(Function<String, URI> at, String token, String body) {
        return ServerUnderTest.send(HttpRequest.newBuilder(at.apply("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A model's rotation state on the server at {@code at}: {@code COOLING_DOWN}, {@code PROBING} or {@code IN_ROTATION}. */
    static String cooldownState(Function<String, URI> at, String model) {
        return entryOf(at, "/api/admin/cooldowns", model)
                .map(entry -> entry.getString("state"))
                .orElse("IN_ROTATION");
    }

    /** The entry of {@code model} ({@code modelId}) in the JSON array an admin GET of {@code path} answers. */
    static java.util.Optional<JsonObject> entryOf(Function<String, URI> at, String path, String model) {
        HttpResponse<String> response = admin(at, "GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().stream()
                    .map(jakarta.json.JsonValue::asJsonObject)
                    .filter(entry -> entry.getString("modelId").equals(model))
                    .findFirst();
        }
    }
}
