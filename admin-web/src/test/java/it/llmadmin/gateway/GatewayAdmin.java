package it.llmadmin.gateway;

import static it.llmadmin.ServerUnderTest.uri;

import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The admin API calls the gateway ITs need, as the build's admin (HTTP Basic) or another user. */
final class GatewayAdmin {

    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    private GatewayAdmin() {}

    /** A name no other test and no earlier run uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static HttpResponse<String> post(String path, String json) {
        return postAs("admin", ADMIN_PASSWORD, path, json);
    }

    static HttpResponse<String> postAs(String user, String password, String path, String json) {
        return ServerUnderTest.send(request(user, password, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> put(String path, String json) {
        return ServerUnderTest.send(request("admin", ADMIN_PASSWORD, path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A JSON merge patch of an admin resource, based on the version {@code ifMatch} names. */
    static HttpResponse<String> patch(String path, String json, String ifMatch) {
        return ServerUnderTest.send(request("admin", ADMIN_PASSWORD, path)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** {@code GET /openai/v1/models} with a bearer token, as an OpenAI client would. */
    static HttpResponse<String> gatewayModels(String token) {
        return ServerUnderTest.send(HttpRequest.newBuilder(uri("/openai/v1/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    static HttpResponse<String> get(String path) {
        return getAs("admin", ADMIN_PASSWORD, path);
    }

    static HttpResponse<String> getAs(String user, String password, String path) {
        return ServerUnderTest.send(request(user, password, path).GET().build());
    }

    static HttpResponse<String> delete(String path) {
        return ServerUnderTest.send(
                request("admin", ADMIN_PASSWORD, path).DELETE().build());
    }

    /** Issues a key and returns the creation's answer (with the token); fails the test when that does not work. */
    static JsonObject issueKey(String name, String allowedModelsJson, String limitsJson) {
        HttpResponse<String> created = post(
                "/api/admin/gateway-keys",
                "{\"name\":\"" + name + "\",\"allowedModels\":" + allowedModelsJson + ",\"limits\":" + limitsJson
                        + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not issue a key: " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    static void revokeQuietly(JsonObject key) {
        if (key != null) {
            post("/api/admin/gateway-keys/" + key.getJsonNumber("id").longValue() + "/revoke", "");
        }
    }

    /** Calls are checked against a model's declared capabilities: the stubs here speak tools, JSON and reasoning. */
    static final String CAPABLE =
            "\"capabilities\":{\"streaming\":true,\"tools\":true,\"jsonOutput\":true,\"reasoning\":true}";

    /** An active chat model of provider {@code other} (no key needed) whose api base is the stub. */
    static void createChatModel(String id, String providerModelName, String apiBase) {
        createModel(id, "chat", providerModelName, apiBase);
    }

    /** An active model of this type, provider {@code other}, whose api base is the stub. */
    static void createModel(String id, String type, String providerModelName, String apiBase) {
        HttpResponse<String> created = post(
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"other\",\"providerModelName\":\""
                        + providerModelName + "\",\"displayName\":\"IT " + id + "\",\"description\":\"gateway IT\","
                        + "\"apiBase\":\"" + apiBase + "\",\"contextLength\":8192,\"active\":true," + CAPABLE + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
    }

    /** An active model of this type and provider (no key is stored for it), whose api base is the stub. */
    static void createModelOf(String id, String type, String provider, String providerModelName, String apiBase) {
        HttpResponse<String> created = post(
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"" + provider
                        + "\",\"providerModelName\":\"" + providerModelName + "\",\"displayName\":\"IT " + id
                        + "\",\"description\":\"gateway IT\",\"apiBase\":\"" + apiBase
                        + "\",\"contextLength\":8192,\"active\":true," + CAPABLE + "}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
    }

    static void deleteModelQuietly(String id) {
        delete("/api/admin/models/" + id);
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static HttpRequest.Builder request(String user, String password, String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
