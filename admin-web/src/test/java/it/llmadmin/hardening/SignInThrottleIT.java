package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.SecondServer;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /**
     * Two instances count together (they share Redis, as the ITs' two servers do): wrong passwords spread over both
     * lock the user on both, where each instance alone would have seen fewer than five. The user exists on the IT
     * server only (each server has its own database): a lock is checked by name, before any password.
     */
    @Test
    void should_lock_a_user_on_every_instance_after_failures_spread_over_two() throws Exception {
        SecondServer second = SecondServer.shared();
        String user = Probe.unique("guessed-twice");
        HttpResponse<String> created = Probe.json(
                "POST",
                "/api/admin/users",
                admin(),
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        for (int attempt = 1; attempt <= 5; attempt++) {
            String wrong = Probe.basic(user, "wrong-" + attempt);
            HttpResponse<String> answer = attempt % 2 == 1
                    ? Probe.get("/api/admin/models", wrong)
                    : second.send(HttpRequest.newBuilder(second.uri("/api/admin/models"))
                            .header("Authorization", wrong)
                            .timeout(Duration.ofSeconds(60))
                            .build());
            assertThat(answer.statusCode()).as("attempt " + attempt).isEqualTo(401);
        }

        HttpResponse<String> onTheFirst = Probe.get("/api/admin/models", Probe.basic(user, PASSWORD));
        HttpResponse<String> onTheSecond = second.send(HttpRequest.newBuilder(second.uri("/api/admin/models"))
                .header("Authorization", Probe.basic(user, PASSWORD))
                .timeout(Duration.ofSeconds(60))
                .build());
        assertThat(onTheFirst.statusCode())
                .as("the instance that saw three failures")
                .isEqualTo(429);
        assertThat(onTheSecond.statusCode()).as("the instance that saw two").isEqualTo(429);
        assertThat(onTheSecond.headers().firstValue("Retry-After")).isPresent();
        Probe.send("DELETE", "/api/admin/users/" + user, admin(), null, null);
    }
}
