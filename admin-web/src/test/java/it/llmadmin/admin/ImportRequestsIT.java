package it.llmadmin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItSecrets;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The import endpoints read what they are sent strictly: malformed bodies and options are 400s, big ones 413s. */
class ImportRequestsIT {

    @Test
    void should_answer_400_at_once_for_a_malformed_array_that_once_spun_a_request_thread_forever() {
        HttpResponse<String> response = AdminClient.admin().post("/api/admin/imports/django", "{\"a\":[1,2}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(response).getInt("status")).isEqualTo(400);
    }

    @Test
    void should_answer_400_for_malformed_connection_bodies() {
        AdminClient admin = AdminClient.admin();
        for (String body : new String[] {
            "",
            "[]",
            "nul",
            "{\"jdbcUrl\": 5}",
            "{\"jdbcUrl\":\"jdbc:postgresql://127.0.0.1/x\",\"dryRun\":\"yes\"}",
            "{\"jdbcUrl\":\"jdbc:postgresql://127.0.0.1/x\",\"dry_run\":true}",
            "{\"a\":1} {\"b\":2}",
            "{\"a\":{\"b\":"
        }) {
            assertThat(admin.post("/api/admin/imports/django", body).statusCode())
                    .as(body)
                    .isEqualTo(400);
        }
    }

    @Test
    void should_refuse_driver_properties_and_hosts_outside_the_allow_list() {
        AdminClient admin = AdminClient.admin();
        for (String url : new String[] {
            "jdbc:postgresql://127.0.0.1/x?sslfactory=org.postgresql.ssl.NonValidatingFactory",
            "jdbc:postgresql://127.0.0.1/x;loggerFile=/tmp/x",
            "jdbc:postgresql://u:p@127.0.0.1/x",
            // A password in the URL, as user info or as a driver property: refused, and (ItSecrets) never echoed.
            "jdbc:postgresql://django:" + ItSecrets.DJANGO_DATABASE_PASSWORD + "@127.0.0.1/x",
            "jdbc:postgresql://127.0.0.1/x?user=django&password=" + ItSecrets.DJANGO_DATABASE_PASSWORD,
            "jdbc:mariadb://127.0.0.1/x?password=" + ItSecrets.DJANGO_DATABASE_PASSWORD,
            "jdbc:postgresql://127.0.0.1,10.0.0.1/x",
            "jdbc:postgresql://10.255.255.1:5432/x",
            "jdbc:h2:mem:x",
            "jdbc:sqlite:/etc/passwd"
        }) {
            HttpResponse<String> response = admin.post("/api/admin/imports/django", "{\"jdbcUrl\": \"" + url + "\"}");
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.body()).as(url).doesNotContain(url);
        }
    }

    @Test
    void should_answer_400_for_an_option_that_is_not_a_boolean() {
        assertThat(AdminClient.admin()
                        .post("/api/admin/imports/fixture?dryRun=yes", "[]")
                        .statusCode())
                .isEqualTo(400);
        assertThat(AdminClient.admin()
                        .post("/api/admin/imports/settings?strict=1", "{}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void should_answer_413_with_json_for_a_connection_body_past_its_limit() {
        String big = "{\"jdbcUrl\": \"" + "x".repeat(20_000) + "\"}";

        HttpResponse<String> response = AdminClient.admin().post("/api/admin/imports/django", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(AdminClient.json(response).getInt("status")).isEqualTo(413);
    }

    @Test
    void should_fail_without_writing_for_trailing_garbage_two_objects_or_invalid_utf8() {
        String name = AdminClient.unique("it-import-garbage");
        String fixture = "[{\"model\": \"llm.modelconfiguration\", \"pk\": 1, \"fields\": {\"type\": \"Chat\","
                + " \"provider\": \"openai\", \"name\": \"" + name + "\", \"ctx_length\": 8000}}]";
        AdminClient admin = AdminClient.admin();
        for (String body : new String[] {fixture + " garbage", fixture + " []"}) {
            HttpResponse<String> response = admin.post("/api/admin/imports/fixture", body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(AdminClient.json(response).getString("status")).isEqualTo("FAILED");
            assertThat(AdminClient.json(response).getJsonObject("counts").getInt("created"))
                    .isZero();
        }
        assertThat(admin.post("/api/admin/imports/settings", "{\"chat_model_name\": \"a\"} {}")
                        .statusCode())
                .isEqualTo(422);
        byte[] invalidUtf8 =
                fixture.replace(name, name + "\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> latin1 = it.llmadmin.ServerUnderTest.send(admin.request("/api/admin/imports/fixture")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(invalidUtf8))
                .build());
        // Refused at the door (RequestGuardFilter: JSON is UTF-8), before the importer reads a byte of it.
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(it.llmadmin.ServerUnderTest.get("/v1/models/" + name).statusCode())
                .isEqualTo(404);
    }
}
