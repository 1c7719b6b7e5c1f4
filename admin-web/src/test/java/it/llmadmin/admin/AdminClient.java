package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;

import it.llmadmin.ItSecrets;
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

/** Speaks to the admin API as one user (or anonymously), over real HTTP with Basic authentication. */
final class AdminClient {

    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    private final String authorization;

    private AdminClient(String authorization) {
        this.authorization = authorization;
    }

    static AdminClient admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    static AdminClient as(String username, String password) {
        return new AdminClient("Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static AdminClient anonymous() {
        return new AdminClient(null);
    }

    /** A name no other test and no earlier run uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A viewer created by the admin for this test; its password is returned by {@link #viewerPassword()}. */
    static AdminClient newViewer(String username) {
        HttpResponse<String> created = admin().post(
                        "/api/admin/users",
                        "{\"username\":\"" + username + "\",\"password\":\"" + viewerPassword()
                                + "\",\"role\":\"viewer\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create viewer: " + created.statusCode() + " " + created.body());
        }
        return as(username, viewerPassword());
    }

    static String viewerPassword() {
        return ItSecrets.VIEWER_PASSWORD;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> put(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> patch(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/merge-patch+json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** A minimal valid model; inactive unless asked, so /v1/models (checked byte for byte elsewhere) never sees it. */
    static String model(String id, String type, boolean active) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type
                + "\",\"provider\":\"openai\",\"providerModelName\":\"gpt-4o-mini\","
                + "\"displayName\":\"IT " + id + "\",\"description\":\"made by an IT\",\"contextLength\":128000,"
                + "\"active\":" + active + "}";
    }

    /** Creates a model and fails the test if that does not work. */
    static JsonObject createModel(String id, String type, boolean active) {
        HttpResponse<String> created = admin().post("/api/admin/models", model(id, type, active));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create " + id + ": " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    /** Deletes a model an IT made, whatever state it is in; missing is fine. */
    static void deleteQuietly(String id) {
        admin().delete("/api/admin/models/" + id);
    }
}
