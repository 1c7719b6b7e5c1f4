package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.llmadmin.ServerUnderTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The models list's "Rotation" column shows whether a model is in rotation and what its last health probe said: a
 * model whose provider cannot be reached is probed DOWN through the admin API, and the list shows it with the error.
 */
class ConsoleModelRotationIT extends ConsoleTest {

    private final String model = "it-rotation-" + UUID.randomUUID().toString().substring(0, 8);

    private static HttpResponse<String> asAdmin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServerUnderTest.uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ADMIN_PASSWORD));
        request = json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        return ServerUnderTest.send(request.build());
    }

    @AfterEach
    void deleteModel() {
        asAdmin("DELETE", "/api/admin/models/" + model, null);
    }

    @Test
    void should_show_a_model_in_rotation_with_its_last_probe_down() {
        // given: a model on a port nothing listens on, probed once
        HttpResponse<String> created = asAdmin(
                "POST",
                "/api/admin/models",
                "{\"id\":\"" + model + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"x\","
                        + "\"displayName\":\"IT rotation\",\"apiBase\":\"http://127.0.0.1:1/v1\","
                        + "\"contextLength\":8192,\"active\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> probe = asAdmin("POST", "/api/admin/model-health/" + model, "");
        assertThat(probe.body()).contains("\"status\":\"DOWN\"");

        // when
        signInAndOpen("/console/models.xhtml", "admin", ADMIN_PASSWORD);
        page.locator("input[id$='textFilter']").fill(model);

        // then
        Locator row = page.locator("tr.model-" + model);
        assertThat(row.locator(".rotation-tag")).hasText("in rotation");
        assertThat(row.locator(".health")).containsText("DOWN");
    }
}
