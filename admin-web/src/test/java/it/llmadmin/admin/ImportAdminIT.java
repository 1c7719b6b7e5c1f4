package it.llmadmin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ItSecrets;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The legacy importer as an admin action, against the started server and its embedded database. */
class ImportAdminIT {

    private static final String SECRET = ItSecrets.IMPORTED_KEY;

    private static String fixture(String name) {
        return """
                [{"model": "llm.modelconfiguration", "pk": 1, "fields": {"type": "Chat", "provider": "openai",
                  "name": "%s", "api_base": "", "ctx_length": 8000, "limit_requests": 0, "limit_input": 0,
                  "limit_output": 0, "vision": false, "kwargs": {"temperature": 0.1, "api_key": "%s"}}},
                 {"model": "llm.modelconfiguration", "pk": 2, "fields": {"type": "Chat", "provider": "not-a-provider",
                  "name": "%s-bad", "api_base": "", "ctx_length": 8000, "limit_requests": 0, "limit_input": 0,
                  "limit_output": 0, "vision": false, "kwargs": {}}}]
                """.formatted(name, SECRET, name);
    }

    @Test
    void should_import_a_fixture_once_moving_its_key_into_the_vault_and_rejecting_the_bad_row() {
        String name = AdminClient.unique("it-import");
        AdminClient admin = AdminClient.admin();

        HttpResponse<String> first = admin.post("/api/admin/imports/fixture?name=it.json", fixture(name));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).doesNotContain(SECRET);
        JsonObject report = AdminClient.json(first);
        assertThat(report.getString("status")).isEqualTo("COMMITTED");
        assertThat(report.getJsonObject("counts").getInt("created")).isEqualTo(1);
        assertThat(report.getJsonObject("counts").getInt("rejected")).isEqualTo(1);
        assertThat(report.getJsonArray("secrets").getJsonObject(0).getString("disposition"))
                .isEqualTo("MOVED");
        assertThat(ServerUnderTest.get("/v1/models/" + name).statusCode()).isEqualTo(200);

        HttpResponse<String> again = admin.post("/api/admin/imports/fixture?name=it.json", fixture(name));

        JsonObject second = AdminClient.json(again);
        assertThat(second.getJsonObject("counts").getInt("created")).isZero();
        assertThat(second.getJsonObject("counts").getInt("unchanged")).isEqualTo(1);
        assertThat(second.getBoolean("nothingChanged")).isTrue();
        assertThat(admin.get("/api/admin/imports").body())
                .contains("\"COMMITTED\"")
                .doesNotContain(SECRET);
        assertThat(admin.get("/api/admin/imports/" + second.getInt("runId")).body())
                .contains(name)
                .doesNotContain(SECRET);

        // Other ITs check /v1/models byte for byte: leave the catalog as it was.
        assertThat(admin.delete("/api/admin/models/" + name).statusCode()).isEqualTo(204);
    }

    @Test
    void should_run_in_the_background_and_report_progress_and_result_when_async() throws InterruptedException {
        String name = AdminClient.unique("it-import-async");
        AdminClient admin = AdminClient.admin();

        HttpResponse<String> accepted = admin.post("/api/admin/imports/fixture?async=true", fixture(name));

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String taskPath = location.substring(location.indexOf("/api/admin/imports/tasks/"));
        JsonObject task = Eventually.polled(
                "the import to end",
                () -> AdminClient.json(admin.get(taskPath)),
                polled -> !polled.getString("state").equals("RUNNING"));
        assertThat(task.getString("state")).isEqualTo("DONE");
        assertThat(task.getInt("rowsProcessed")).isEqualTo(2);
        assertThat(task.getJsonObject("report").getString("status")).isEqualTo("COMMITTED");
        assertThat(task.toString()).doesNotContain(SECRET);
        assertThat(ServerUnderTest.get("/v1/models/" + name).statusCode()).isEqualTo(200);

        assertThat(admin.delete("/api/admin/models/" + name).statusCode()).isEqualTo(204);
    }

    @Test
    void should_show_failed_when_a_background_run_fails() throws InterruptedException {
        AdminClient admin = AdminClient.admin();

        HttpResponse<String> accepted = admin.post("/api/admin/imports/fixture?async=true", "{\"not\": \"a fixture\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String taskPath =
                "/api/admin/imports/tasks/" + AdminClient.json(accepted).getString("taskId");
        JsonObject task = Eventually.polled(
                "the import to end",
                () -> AdminClient.json(admin.get(taskPath)),
                polled -> !polled.getString("state").equals("RUNNING"));
        assertThat(task.getString("state")).isEqualTo("FAILED");
        assertThat(task.getJsonObject("report").getString("status")).isEqualTo("FAILED");
        assertThat(task.getJsonObject("report").getJsonObject("counts").getInt("created"))
                .isZero();
    }

    @Test
    void should_answer_404_for_an_unknown_task() {
        assertThat(AdminClient.admin().get("/api/admin/imports/tasks/nope").statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_plan_without_writing_when_dry_run() {
        String name = AdminClient.unique("it-import-dry");

        HttpResponse<String> response =
                AdminClient.admin().post("/api/admin/imports/fixture?dryRun=true", fixture(name));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(AdminClient.json(response).getString("status")).isEqualTo("DRY_RUN");
        assertThat(ServerUnderTest.get("/v1/models/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_the_whole_run_with_422_when_strict_and_a_row_is_rejected() {
        String name = AdminClient.unique("it-import-strict");

        HttpResponse<String> response =
                AdminClient.admin().post("/api/admin/imports/fixture?strict=true", fixture(name));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(ServerUnderTest.get("/v1/models/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void should_answer_422_with_the_reason_when_the_file_is_not_a_fixture() {
        HttpResponse<String> response =
                AdminClient.admin().post("/api/admin/imports/fixture", "{\"not\": \"an array\"");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonObject report = AdminClient.json(response);
        assertThat(report.getString("status")).isEqualTo("FAILED");
        assertThat(report.getString("failure")).isNotBlank();
    }

    @Test
    void should_refuse_viewers_and_anonymous_callers() {
        String name = AdminClient.unique("it-import-denied");
        AdminClient viewer = AdminClient.newViewer(AdminClient.unique("viewer"));

        assertThat(viewer.post("/api/admin/imports/fixture", fixture(name)).statusCode())
                .isEqualTo(403);
        assertThat(AdminClient.anonymous()
                        .post("/api/admin/imports/fixture", fixture(name))
                        .statusCode())
                .isEqualTo(401);
        assertThat(ServerUnderTest.get("/v1/models/" + name).statusCode()).isEqualTo(404);
    }
}
