package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway key's life after it is issued, through the admin API and the gateway: allowed models checked against the
 * registry, a change of models, limits and expiry (with its version), a new token, expiry and deletion of revoked keys.
 */
class GatewayKeyLifecycleIT {

    private static final String KEYS = "/api/admin/gateway-keys";

    private static long id(JsonObject key) {
        return key.getJsonNumber("id").longValue();
    }

    @Test
    void should_refuse_unknown_model_ids_with_a_400_naming_them_when_issuing_or_changing() {
        String name = unique("it-key-typo");

        HttpResponse<String> typo = GatewayAdmin.post(
                KEYS, "{\"name\":\"" + name + "\",\"allowedModels\":[\"gemini-1.5-pro\",\"gemini-1.5-prro\"]}");

        assertThat(typo.statusCode()).as(typo.body()).isEqualTo(400);
        JsonObject error = json(typo);
        assertThat(error.getString("message")).contains("gemini-1.5-prro");
        assertThat(error.getJsonArray("fieldErrors").getJsonObject(0).getString("field"))
                .isEqualTo("allowedModels");
        assertThat(error.getJsonArray("fieldErrors").getJsonObject(0).getString("message"))
                .isEqualTo("no such model: gemini-1.5-prro");
        assertThat(GatewayAdmin.get(KEYS).body()).doesNotContain(name);

        JsonObject key = GatewayAdmin.issueKey(name, "[\"gemini-1.5-pro\"]", "{}");
        try {
            HttpResponse<String> changed =
                    GatewayAdmin.put(KEYS + "/" + id(key), "{\"allowedModels\":[\"sdxl\",\"no-such-model\"]}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
            assertThat(changed.body()).contains("no such model: no-such-model");
            assertThat(json(GatewayAdmin.get(KEYS + "/" + id(key)))
                            .getJsonArray("allowedModels")
                            .getString(0))
                    .isEqualTo("gemini-1.5-pro");
        } finally {
            GatewayAdmin.revokeQuietly(key);
        }
    }

    @Test
    void should_change_models_limits_and_expiry_and_refuse_a_stale_version() {
        JsonObject key = GatewayAdmin.issueKey(unique("it-key-edit"), "[]", "{}");
        try {
            String expiry = OffsetDateTime.now(ZoneOffset.UTC)
                    .plusDays(7)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();

            HttpResponse<String> changed = GatewayAdmin.put(
                    KEYS + "/" + id(key),
                    "{\"allowedModels\":[\"sdxl\",\"flux-pro\"],\"limits\":{\"requestsPerMinute\":12},"
                            + "\"expiresAt\":\"" + expiry + "\",\"version\":" + key.getInt("version") + "}");

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            JsonObject after = json(changed);
            assertThat(after.getJsonArray("allowedModels").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly("sdxl", "flux-pro");
            assertThat(after.getJsonObject("limits").getInt("requestsPerMinute"))
                    .isEqualTo(12);
            assertThat(OffsetDateTime.parse(after.getString("expiresAt")).toInstant())
                    .isEqualTo(OffsetDateTime.parse(expiry).toInstant());
            assertThat(after.getString("status")).isEqualTo("active");
            assertThat(after.getInt("version")).isGreaterThan(key.getInt("version"));

            HttpResponse<String> stale = GatewayAdmin.put(
                    KEYS + "/" + id(key), "{\"allowedModels\":[],\"version\":" + key.getInt("version") + "}");
            assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);

            HttpResponse<String> past =
                    GatewayAdmin.put(KEYS + "/" + id(key), "{\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
            assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
            assertThat(past.body()).contains("expiresAt");

            assertThat(GatewayAdmin.get("/api/admin/audit?entityType=GatewayKey&action=UPDATE&entityId="
                                    + key.getString("name"))
                            .body())
                    .contains("\"totalItems\":1")
                    .contains("flux-pro");
        } finally {
            GatewayAdmin.revokeQuietly(key);
        }
    }

    @Test
    void should_give_a_new_token_that_works_while_the_old_one_gets_a_401() {
        JsonObject key = GatewayAdmin.issueKey(unique("it-key-rotate"), "[]", "{}");
        try {
            String oldToken = key.getString("token");
            assertThat(GatewayAdmin.gatewayModels(oldToken).statusCode()).isEqualTo(200);

            HttpResponse<String> regenerated = GatewayAdmin.post(KEYS + "/" + id(key) + "/regenerate", "");

            assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
            assertThat(regenerated.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            String newToken = json(regenerated).getString("token");
            assertThat(newToken).startsWith("llmk_").isNotEqualTo(oldToken);
            assertThat(GatewayAdmin.gatewayModels(oldToken).statusCode()).isEqualTo(401);
            assertThat(GatewayAdmin.gatewayModels(newToken).statusCode()).isEqualTo(200);
            JsonObject listed = json(GatewayAdmin.get(KEYS + "/" + id(key)));
            assertThat(listed.getString("lastUsedAt")).isNotBlank();
            assertThat(GatewayAdmin.get(KEYS).body()).doesNotContain(newToken);
        } finally {
            GatewayAdmin.revokeQuietly(key);
        }
    }

    @Test
    void should_answer_401_once_a_key_has_expired() throws InterruptedException {
        String expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString();
        HttpResponse<String> created = GatewayAdmin.post(
                KEYS, "{\"name\":\"" + unique("it-key-expiring") + "\",\"expiresAt\":\"" + expiry + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject key = json(created);
        try {
            assertThat(GatewayAdmin.gatewayModels(key.getString("token")).statusCode())
                    .isEqualTo(200);

            // Waits for the expiry chosen above to pass (the API refuses an expiry in the past).
            while (OffsetDateTime.now(ZoneOffset.UTC)
                    .isBefore(OffsetDateTime.parse(expiry).plusNanos(200_000_000))) {
                Thread.sleep(200);
            }

            HttpResponse<String> expired = GatewayAdmin.gatewayModels(key.getString("token"));
            assertThat(expired.statusCode()).as(expired.body()).isEqualTo(401);
            assertThat(json(expired).getJsonObject("error").getString("code")).isEqualTo("invalid_api_key");
            assertThat(json(GatewayAdmin.get(KEYS + "/" + id(key))).getString("status"))
                    .isEqualTo("expired");
        } finally {
            GatewayAdmin.revokeQuietly(key);
        }
    }

    @Test
    void should_delete_a_key_only_once_it_is_revoked_and_refuse_a_new_token_for_it() {
        JsonObject key = GatewayAdmin.issueKey(unique("it-key-delete"), "[]", "{}");

        HttpResponse<String> early = GatewayAdmin.delete(KEYS + "/" + id(key));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(json(early).getString("message")).contains("revoke it");

        GatewayAdmin.revokeQuietly(key);
        assertThat(GatewayAdmin.post(KEYS + "/" + id(key) + "/regenerate", "").statusCode())
                .isEqualTo(409);
        HttpResponse<String> deleted = GatewayAdmin.delete(KEYS + "/" + id(key));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(GatewayAdmin.get(KEYS + "/" + id(key)).statusCode()).isEqualTo(404);
        assertThat(GatewayAdmin.delete(KEYS + "/" + id(key)).statusCode()).isEqualTo(404);
        assertThat(GatewayAdmin.get("/api/admin/audit?entityType=GatewayKey&action=DELETE&entityId="
                                + key.getString("name"))
                        .body())
                .contains("\"totalItems\":1");
    }
}
