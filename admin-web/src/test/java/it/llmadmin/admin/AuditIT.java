package it.llmadmin.admin;

import static it.llmadmin.admin.AdminClient.admin;
import static it.llmadmin.admin.AdminClient.createModel;
import static it.llmadmin.admin.AdminClient.deleteQuietly;
import static it.llmadmin.admin.AdminClient.json;
import static it.llmadmin.admin.AdminClient.model;
import static it.llmadmin.admin.AdminClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change leaves an audit event, with the masked state before and after, and no secret. */
class AuditIT {

    @Test
    void should_record_each_change_of_a_model_with_actor_action_before_and_after() {
        String id = unique("it-audit");
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        try {
            createModel(id, "chat", false);
            admin().put(
                            "/api/admin/models/" + id,
                            model(id, "chat", false)
                                    .replace("made by an IT", "changed")
                                    .replace(
                                            "\"active\"",
                                            "\"apiBase\":\"http://127.0.0.1:9/v1\",\"extraKwargs\":{\"seed\":3},"
                                                    + "\"active\""),
                            "\"1\"");
            admin().postEmpty("/api/admin/models/" + id + "/activate");
            admin().delete("/api/admin/models/" + id);

            JsonObject page = json(admin().get("/api/admin/audit?entityId=" + id));

            List<JsonObject> events = page.getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(events)
                    .extracting(event -> event.getString("action"))
                    .containsExactly("DELETE", "ACTIVATE", "UPDATE", "CREATE");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getString("actor")).isEqualTo("admin");
                assertThat(event.getString("entityType")).isEqualTo("ModelConfiguration");
            });
            JsonObject update = events.get(2);
            assertThat(update.getJsonObject("before").getString("description")).isEqualTo("made by an IT");
            assertThat(update.getJsonObject("after").getString("description")).isEqualTo("changed");
            assertThat(update.getJsonObject("after")
                            .getJsonObject("extraKwargs")
                            .getInt("seed"))
                    .isEqualTo(3);
            assertThat(events.get(0).containsKey("after")).isFalse();
            assertThat(events.get(3).containsKey("before")).isFalse();

            String from = URLEncoder.encode(started.toString(), StandardCharsets.UTF_8);
            JsonObject deletes = json(admin().get("/api/admin/audit?entityId=" + id + "&action=delete&actor=admin"
                    + "&from=" + from + "&size=10"));
            assertThat(deletes.getInt("totalItems")).isEqualTo(1);
            String past = URLEncoder.encode(started.minusDays(1).toString(), StandardCharsets.UTF_8);
            JsonObject before = json(admin().get("/api/admin/audit?entityId=" + id + "&to=" + past));
            assertThat(before.getInt("totalItems")).isZero();
        } finally {
            deleteQuietly(id);
        }
    }

    @Test
    void should_record_user_changes_without_any_password_or_hash() {
        String name = unique("it-audited-user");
        String password = "audited-user-password-1";
        String newPassword = "audited-user-password-2";
        try {
            admin().post(
                            "/api/admin/users",
                            "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"viewer\"}");
            admin().put("/api/admin/users/" + name + "/password", "{\"password\":\"" + newPassword + "\"}", null);
            admin().delete("/api/admin/users/" + name);

            HttpResponse<String> audit = admin().get("/api/admin/audit?entityType=ConsoleUser&entityId=" + name);

            List<JsonObject> events = json(audit).getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(events)
                    .extracting(event -> event.getString("action"))
                    .containsExactly("DELETE", "RESET_PASSWORD", "CREATE");
            assertThat(audit.body())
                    .doesNotContain(password)
                    .doesNotContain(newPassword)
                    .doesNotContain(AdminClient.ADMIN_PASSWORD)
                    .doesNotContain("PBKDF2");
        } finally {
            admin().delete("/api/admin/users/" + name);
        }
    }

    @Test
    void should_write_no_audit_event_for_a_refused_change() {
        String id = unique("it-audit-refused");

        HttpResponse<String> refused = admin().post(
                        "/api/admin/models",
                        model(id, "chat", false).replace("\"openai\"", "\"nobody-knows-this-provider\""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(admin().get("/api/admin/audit?entityId=" + id)).getInt("totalItems"))
                .isZero();
    }

    @Test
    void should_answer_400_naming_a_malformed_time_filter() {
        HttpResponse<String> response = admin().get("/api/admin/audit?from=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ModelAdminIT.fields(json(response))).containsExactly("from");
    }
}
