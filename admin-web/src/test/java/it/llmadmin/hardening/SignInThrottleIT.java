package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down (finding 6): after five wrong passwords in a row a user name is locked for a few
 * seconds, then for twice as long after each further failure; while locked even the right password is refused (429
 * with Retry-After), the lock is audited, and the user can sign in again once it ends.
 */
class SignInThrottleIT {

    private static final String PASSWORD = "throttled-user-password";

    @Test
    void should_lock_a_user_after_five_wrong_passwords_audit_it_and_let_them_in_after_the_lock() throws Exception {
        String user = Probe.unique("guessed");
        HttpResponse<String> created = Probe.json(
                "POST",
                "/api/admin/users",
                admin(),
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = Probe.get("/api/admin/models", Probe.basic(user, "wrong-" + attempt));
            assertThat(wrong.statusCode()).as("attempt " + attempt).isEqualTo(401);
        }
        HttpResponse<String> locked = Probe.get("/api/admin/models", Probe.basic(user, PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(locked.body()).doesNotContain(PASSWORD);
        HttpResponse<String> audit = Probe.get("/api/admin/audit?entityType=SignIn&entityId=" + user, admin());
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonObject event = Probe.parse(audit).getJsonArray("items").getJsonObject(0);
        assertThat(event.getString("action")).isEqualTo("LOCK");
        assertThat(audit.body()).doesNotContain(PASSWORD).doesNotContain("wrong-");

        Thread.sleep((retryAfter + 1) * 1000);
        HttpResponse<String> afterTheLock = Probe.get("/api/admin/models", Probe.basic(user, PASSWORD));
        assertThat(afterTheLock.statusCode()).isEqualTo(200);
        Probe.send("DELETE", "/api/admin/users/" + user, admin(), null, null);
    }
}
