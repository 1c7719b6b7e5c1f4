package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.get;
import static it.llmadmin.admin.AdminClient.admin;
import static it.llmadmin.admin.AdminClient.anonymous;
import static it.llmadmin.admin.AdminClient.createModel;
import static it.llmadmin.admin.AdminClient.deleteQuietly;
import static it.llmadmin.admin.AdminClient.json;
import static it.llmadmin.admin.AdminClient.model;
import static it.llmadmin.admin.AdminClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call the admin API: anonymous never (401), viewers only read (403 on writes), admins everything. */
class AdminSecurityIT {

    private String modelId;
    private String viewerName;

    @BeforeEach
    void createAModelAndAViewer() {
        modelId = unique("it-sec");
        createModel(modelId, "chat", false);
        viewerName = unique("it-viewer");
        AdminClient.newViewer(viewerName);
    }

    @AfterEach
    void cleanUp() {
        deleteQuietly(modelId);
        admin().delete("/api/admin/users/" + viewerName);
    }

    /** Every write of the admin API, as one client would send it. */
    private List<Function<AdminClient, HttpResponse<String>>> writes() {
        String path = "/api/admin/models/" + modelId;
        return List.of(
                client -> client.post("/api/admin/models", model(unique("it-sec-new"), "chat", false)),
                client -> client.put(path, model(modelId, "chat", false), "\"1\""),
                client -> client.patch(path, "{\"vendor\":\"x\"}", "\"1\""),
                client -> client.postEmpty(path + "/activate"),
                client -> client.postEmpty(path + "/deactivate"),
                client -> client.delete(path),
                client -> client.post(
                        "/api/admin/users",
                        "{\"username\":\"" + unique("it-x") + "\",\"password\":\"long-enough-password\","
                                + "\"role\":\"admin\"}"),
                client -> client.patch("/api/admin/users/" + viewerName, "{\"role\":\"admin\"}", null),
                client -> client.put(
                        "/api/admin/users/" + viewerName + "/password",
                        "{\"password\":\"another-long-password\"}",
                        null),
                client -> client.delete("/api/admin/users/" + viewerName));
    }

    @Test
    void should_answer_401_with_a_json_error_and_a_basic_challenge_to_anonymous_callers_on_every_path() {
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        writes().forEach(write -> answers.add(write.apply(anonymous())));
        answers.add(anonymous().get("/api/admin/models"));
        answers.add(anonymous().get("/api/admin/audit"));
        answers.add(anonymous().get("/api/admin/me"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(json(answer).getInt("status")).isEqualTo(401);
            assertThat(answer.body().split("\"status\"", -1))
                    .as("exactly one JSON error")
                    .hasSize(2);
        });
        assertThat(admin().get("/api/admin/models/" + modelId).statusCode()).isEqualTo(200);
    }

    @Test
    void should_answer_401_to_a_wrong_password() {
        HttpResponse<String> answer =
                AdminClient.as("admin", "not-the-password-at-all").get("/api/admin/models");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("not-the-password-at-all");
    }

    @Test
    void should_let_a_viewer_read_but_answer_403_with_a_json_error_on_every_write_and_change_nothing() {
        AdminClient viewer = AdminClient.as(viewerName, AdminClient.viewerPassword());

        assertThat(viewer.get("/api/admin/models").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/admin/models/" + modelId).statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/admin/audit").statusCode()).isEqualTo(200);
        assertThat(json(viewer.get("/api/admin/me")).getString("role")).isEqualTo("viewer");
        assertThat(viewer.get("/api/admin/users").statusCode()).isEqualTo(403);
        for (Function<AdminClient, HttpResponse<String>> write : writes()) {
            HttpResponse<String> answer = write.apply(viewer);
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(json(answer).getInt("status")).isEqualTo(403);
            assertThat(answer.body().split("\"status\"", -1))
                    .as("exactly one JSON error")
                    .hasSize(2);
        }
        assertThat(json(admin().get("/api/admin/models/" + modelId))
                        .getJsonNumber("version")
                        .longValue())
                .isEqualTo(1L);
        assertThat(admin().get("/api/admin/users/" + viewerName).statusCode()).isEqualTo(200);
    }

    @Test
    void should_leave_v1_models_health_and_openapi_open_to_anonymous_callers() {
        assertThat(get("/v1/models").statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/openapi").statusCode()).isEqualTo(200);
    }

    @Test
    void should_let_users_change_their_own_password_only_with_the_current_one() {
        AdminClient viewer = AdminClient.as(viewerName, AdminClient.viewerPassword());
        String newPassword = "a-new-viewer-password";

        HttpResponse<String> wrongCurrent = viewer.put(
                "/api/admin/me/password",
                "{\"currentPassword\":\"wrong-password-here\",\"newPassword\":\"" + newPassword + "\"}",
                null);
        HttpResponse<String> tooShort = viewer.put(
                "/api/admin/me/password",
                "{\"currentPassword\":\"" + AdminClient.viewerPassword() + "\",\"newPassword\":\"short\"}",
                null);
        HttpResponse<String> changed = viewer.put(
                "/api/admin/me/password",
                "{\"currentPassword\":\"" + AdminClient.viewerPassword() + "\",\"newPassword\":\"" + newPassword
                        + "\"}",
                null);

        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(ModelAdminIT.fields(json(wrongCurrent))).containsExactly("currentPassword");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(ModelAdminIT.fields(json(tooShort))).containsExactly("newPassword");
        assertThat(tooShort.body()).doesNotContain(AdminClient.viewerPassword());
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(viewer.get("/api/admin/me").statusCode()).isEqualTo(401);
        assertThat(AdminClient.as(viewerName, newPassword).get("/api/admin/me").statusCode())
                .isEqualTo(200);
    }

    @Test
    void should_let_admins_manage_users_and_refuse_bad_input_with_field_errors() {
        String name = unique("it-managed");
        try {
            HttpResponse<String> invalid = admin().post(
                            "/api/admin/users",
                            "{\"username\":\"has space\",\"password\":\"short\",\"role\":\"viewer\"}");
            HttpResponse<String> badRole = admin().post(
                            "/api/admin/users",
                            "{\"username\":\"" + name + "\",\"password\":\"long-enough-password\",\"role\":\"root\"}");
            HttpResponse<String> created = admin().post(
                            "/api/admin/users",
                            "{\"username\":\"" + name
                                    + "\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}");
            HttpResponse<String> duplicate = admin().post(
                            "/api/admin/users",
                            "{\"username\":\"" + name
                                    + "\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}");
            HttpResponse<String> promoted = admin().patch(
                            "/api/admin/users/" + name,
                            "{\"role\":\"admin\",\"version\":" + json(created).getJsonNumber("version") + "}",
                            null);

            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(ModelAdminIT.fields(json(invalid))).containsExactlyInAnyOrder("username", "password");
            assertThat(badRole.statusCode()).isEqualTo(400);
            assertThat(ModelAdminIT.fields(json(badRole))).containsExactly("role");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("long-enough-password").doesNotContain("PBKDF2");
            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(promoted.statusCode()).isEqualTo(200);
            assertThat(json(promoted).getString("role")).isEqualTo("admin");
            assertThat(AdminClient.as(name, "long-enough-password")
                            .postEmpty("/api/admin/models/" + modelId + "/activate")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(admin().delete("/api/admin/users/" + name).statusCode()).isEqualTo(204);
            assertThat(AdminClient.as(name, "long-enough-password")
                            .get("/api/admin/models")
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            admin().delete("/api/admin/users/" + name);
        }
    }
}
