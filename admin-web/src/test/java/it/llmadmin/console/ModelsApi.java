package it.llmadmin.console;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin API's models and audit, as the ITs' admin sees them over HTTP Basic: set-up, checks and clean-up. */
final class ModelsApi {

    private ModelsApi() {}

    /** Creates a chat model through the API (active or not) and returns it as the API shows it. */
    static JsonObject create(String id, boolean active) {
        HttpResponse<String> created = send(asAdmin("/api/admin/models")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"type\":\"chat\","
                        + "\"provider\":\"openai\",\"providerModelName\":\"gpt-4o-mini\",\"displayName\":\"IT " + id
                        + "\",\"description\":\"made by a console IT\",\"contextLength\":128000,\"active\":" + active
                        + "}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    /**
     * Creates a model of this type through the API whose api base is a stub, with these per-minute limits (a JSON
     * object, {@code {}} for none); provider {@code other} needs no key, {@code openai} one.
     */
    static void createOn(String id, String type, String provider, String apiBase, String limitsJson) {
        HttpResponse<String> created = send(asAdmin("/api/admin/models")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"type\":\"" + type
                        + "\",\"provider\":\"" + provider + "\",\"providerModelName\":\"pg-model\","
                        + "\"displayName\":\"IT " + id + "\",\"description\":\"made by a console IT\","
                        + "\"apiBase\":\"" + apiBase + "\",\"contextLength\":8192,\"active\":true,"
                        + "\"capabilities\":{\"streaming\":true,\"reasoning\":true},\"limits\":" + limitsJson
                        + "}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
    }

    /** The usage of one model in the last day as {@code GET /api/admin/usage} reports it, or null when none. */
    static JsonObject usageOf(String id) {
        HttpResponse<String> usage = send(asAdmin("/api/admin/usage").GET().build());
        if (usage.statusCode() != 200) {
            throw new IllegalStateException("usage: " + usage.statusCode() + " " + usage.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(usage.body()))) {
            return reader.readArray().stream()
                    .map(jakarta.json.JsonValue::asJsonObject)
                    .filter(entry -> entry.getString("modelId").equals(id))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The model as the API shows it, or null when there is none. */
    static JsonObject find(String id) {
        HttpResponse<String> found =
                send(asAdmin("/api/admin/models/" + id).GET().build());
        return found.statusCode() == 404 ? null : json(found);
    }

    /** Changes the display name through the API at the given version; returns the HTTP status. */
    static int rename(String id, String displayName, long version) {
        return send(asAdmin("/api/admin/models/" + id)
                        .header("Content-Type", "application/merge-patch+json")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"displayName\":\"" + displayName + "\",\"version\":" + version + "}"))
                        .build())
                .statusCode();
    }

    /** Deactivates a model through the API at its current version; returns the HTTP status. */
    static int deactivate(String id) {
        return patch(id, "{\"active\":false}");
    }

    /** Merges a JSON object of fields into a model through the API at its current version; returns the HTTP status. */
    static int patch(String id, String fields) {
        long version = find(id).getJsonNumber("version").longValue();
        String body = fields.substring(0, fields.lastIndexOf('}'))
                + (fields.strip().equals("{}") ? "" : ",") + "\"version\":" + version + "}";
        return send(asAdmin("/api/admin/models/" + id)
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .statusCode();
    }

    /** The model's response cache TTL as {@code GET /api/admin/response-cache} lists it; 0 when not cached. */
    static int cacheTtlOf(String id) {
        HttpResponse<String> listed =
                send(asAdmin("/api/admin/response-cache").GET().build());
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            return reader.readArray().stream()
                    .map(jakarta.json.JsonValue::asJsonObject)
                    .filter(policy -> policy.getString("modelId").equals(id))
                    .mapToInt(policy -> policy.getInt("ttlSeconds"))
                    .findFirst()
                    .orElse(0);
        }
    }

    /** Sets the model's response cache TTL through the admin API; returns the HTTP status. */
    static int setCacheTtl(String id, int seconds) {
        return send(asAdmin("/api/admin/response-cache/" + id)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"ttlSeconds\":" + seconds + "}"))
                        .build())
                .statusCode();
    }

    /** The audit events of one entity, newest first, as the API pages them. */
    static JsonObject audit(String entityId) {
        return json(send(asAdmin("/api/admin/audit?entityId=" + entityId).GET().build()));
    }

    /** The frontend's list (anonymous). */
    static String frontendList(String type) {
        return send(HttpRequest.newBuilder(uri("/v1/models?type=" + type))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build())
                .body();
    }

    /** Deletes a model a test made, whatever state it is in; missing is fine. */
    static void deleteQuietly(String id) {
        send(asAdmin("/api/admin/models/" + id).DELETE().build());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ConsoleTest.ADMIN_PASSWORD));
    }
}
