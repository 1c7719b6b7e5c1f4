package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/gateway-keys}: issue (token once), list, revoke, audited without the token; admins only write. */
class GatewayKeysAdminIT {

    @Test
    void should_show_the_token_once_list_without_it_audit_without_it_and_revoke_for_good() {
        String name = unique("it-key");

        HttpResponse<String> created = GatewayAdmin.post(
                "/api/admin/gateway-keys",
                "{\"name\":\"" + name + "\",\"allowedModels\":[\"gemini-1.5-pro\",\"sdxl\"],"
                        + "\"limits\":{\"requestsPerMinute\":30}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        JsonObject key = json(created);
        String token = key.getString("token");
        long id = key.getJsonNumber("id").longValue();
        assertThat(token).startsWith("llmk_").startsWith(key.getString("tokenStart"));
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/admin/gateway-keys/" + id));
        assertThat(key.getJsonArray("allowedModels").getString(1)).isEqualTo("sdxl");
        assertThat(key.getJsonObject("limits").getInt("requestsPerMinute")).isEqualTo(30);
        assertThat(key.getJsonObject("limits").getInt("outputTokensPerMinute")).isZero();
        assertThat(key.getBoolean("revoked")).isFalse();

        HttpResponse<String> list = GatewayAdmin.get("/api/admin/gateway-keys");
        HttpResponse<String> one = GatewayAdmin.get("/api/admin/gateway-keys/" + id);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).doesNotContain(token).doesNotContain("\"token\"");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).getString("name")).isEqualTo(name);
        assertThat(one.body()).doesNotContain(token);

        HttpResponse<String> audit = GatewayAdmin.get("/api/admin/audit?entityType=GatewayKey&entityId=" + name);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("CREATE").contains(name).doesNotContain(token);

        HttpResponse<String> revoked = GatewayAdmin.post("/api/admin/gateway-keys/" + id + "/revoke", "");
        HttpResponse<String> again = GatewayAdmin.post("/api/admin/gateway-keys/" + id + "/revoke", "");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).getBoolean("revoked")).isTrue();
        assertThat(json(revoked).getString("revokedAt")).isNotBlank();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(GatewayAdmin.get("/api/admin/audit?entityType=GatewayKey&entityId=" + name + "&action=REVOKE")
                        .body())
                .contains("\"totalItems\":1");
    }

    @Test
    void should_refuse_a_bad_body_a_taken_name_and_an_unknown_key() {
        String name = unique("it-key");
        JsonObject first = GatewayAdmin.issueKey(name, "[]", "{}");
        try {
            HttpResponse<String> negative = GatewayAdmin.post(
                    "/api/admin/gateway-keys",
                    "{\"name\":\"" + unique("it-key") + "\",\"limits\":{\"requestsPerMinute\":-1}}");
            HttpResponse<String> nameless = GatewayAdmin.post("/api/admin/gateway-keys", "{\"allowedModels\":[]}");
            HttpResponse<String> taken = GatewayAdmin.post("/api/admin/gateway-keys", "{\"name\":\"" + name + "\"}");
            HttpResponse<String> unknown = GatewayAdmin.post("/api/admin/gateway-keys/987654321/revoke", "");

            assertThat(negative.statusCode()).isEqualTo(400);
            assertThat(negative.body()).contains("limits.requestsPerMinute");
            assertThat(nameless.statusCode()).isEqualTo(400);
            assertThat(nameless.body()).contains("\"field\":\"name\"");
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(unknown.statusCode()).isEqualTo(404);
        } finally {
            GatewayAdmin.revokeQuietly(first);
        }
    }

    @Test
    void should_let_a_viewer_list_but_not_issue_or_revoke_and_an_anonymous_caller_nothing() {
        String viewer = unique("it-viewer");
        String password = "viewer-password-for-gateway-its";
        HttpResponse<String> createdViewer = GatewayAdmin.post(
                "/api/admin/users",
                "{\"username\":\"" + viewer + "\",\"password\":\"" + password + "\",\"role\":\"viewer\"}");
        assertThat(createdViewer.statusCode()).as(createdViewer.body()).isEqualTo(201);
        JsonObject key = GatewayAdmin.issueKey(unique("it-key"), "[]", "{}");
        try {
            HttpResponse<String> list = GatewayAdmin.getAs(viewer, password, "/api/admin/gateway-keys");
            HttpResponse<String> issue =
                    GatewayAdmin.postAs(viewer, password, "/api/admin/gateway-keys", "{\"name\":\"nope\"}");
            HttpResponse<String> revoke = GatewayAdmin.postAs(
                    viewer, password, "/api/admin/gateway-keys/" + key.getJsonNumber("id") + "/revoke", "");
            HttpResponse<String> anonymous =
                    ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/api/admin/gateway-keys"))
                            .GET()
                            .build());

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(issue.statusCode()).isEqualTo(403);
            assertThat(revoke.statusCode()).isEqualTo(403);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(json(GatewayAdmin.get("/api/admin/gateway-keys/" + key.getJsonNumber("id")))
                            .getBoolean("revoked"))
                    .isFalse();
        } finally {
            GatewayAdmin.revokeQuietly(key);
            GatewayAdmin.delete("/api/admin/users/" + viewer);
        }
    }
}
