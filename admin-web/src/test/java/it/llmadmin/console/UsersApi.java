package it.llmadmin.console;

import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The admin API's users, as the ITs' admin sees them over HTTP Basic: to make viewers for the console tests. */
final class UsersApi {

    static final String VIEWER_PASSWORD = "console-viewer-password";

    private UsersApi() {}

    /** A user name no other test and no earlier run uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void createViewer(String username) {
        HttpResponse<String> created = send(asAdmin("/api/admin/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + VIEWER_PASSWORD + "\",\"role\":\"viewer\"}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create viewer: " + created.statusCode() + " " + created.body());
        }
    }

    static void promoteToAdmin(String username) {
        HttpResponse<String> current =
                send(asAdmin("/api/admin/users/" + username).GET().build());
        String etag = current.headers().firstValue("ETag").orElse("\"0\"");
        HttpResponse<String> changed = send(asAdmin("/api/admin/users/" + username)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"admin\"}"))
                .build());
        if (changed.statusCode() != 200) {
            throw new IllegalStateException("could not promote: " + changed.statusCode() + " " + changed.body());
        }
    }

    static void delete(String username) {
        send(asAdmin("/api/admin/users/" + username).DELETE().build());
    }

    static HttpResponse<String> get(String path, String authorization, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET().build());
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", basic("admin", ConsoleTest.ADMIN_PASSWORD));
    }
}
