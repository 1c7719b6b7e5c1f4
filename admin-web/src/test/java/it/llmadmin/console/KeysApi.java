package it.llmadmin.console;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Gateway keys as the ITs' admin sees them through the admin API, and the gateway as a client with a token calls it. */
final class KeysApi {

    private KeysApi() {}

    /** Every key as the admin API lists it. */
    static JsonArray list() {
        HttpResponse<String> listed =
                send(asAdmin("/api/admin/gateway-keys").GET().build());
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            return reader.readArray();
        }
    }

    /** The key of this name, or null. */
    static JsonObject named(String name) {
        return list().stream()
                .map(value -> value.asJsonObject())
                .filter(key -> key.getString("name").equals(name))
                .findFirst()
                .orElse(null);
    }

    static JsonObject issue(String name) {
        return issue(name, "{}");
    }

    /** Issues a key with these per-minute limits (a JSON object) and returns it, its token included. */
    static JsonObject issue(String name, String limitsJson) {
        HttpResponse<String> created = send(asAdmin("/api/admin/gateway-keys")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"limits\":" + limitsJson + "}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not issue: " + created.statusCode() + " " + created.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(created.body()))) {
            return reader.readObject();
        }
    }

    /** Revokes and deletes the key of this name, if there is one. */
    static void removeQuietly(String name) {
        JsonObject key = named(name);
        if (key != null) {
            removeQuietly(key.getJsonNumber("id").longValue());
        }
    }

    /** Revokes and deletes the key of this id, if there is one. */
    static void removeQuietly(long id) {
        send(asAdmin("/api/admin/gateway-keys/" + id + "/revoke")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        send(asAdmin("/api/admin/gateway-keys/" + id).DELETE().build());
    }

    /** {@code GET /openai/v1/models} with this bearer token. */
    static HttpResponse<String> gatewayModels(String token) {
        return send(HttpRequest.newBuilder(uri("/openai/v1/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private static HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD));
    }
}
