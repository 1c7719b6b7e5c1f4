package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The small leaks of finding 10 (the Host header redirect is in {@link SecurityHeadersIT}). */
class SmallLeaksIT {

    @Test
    void should_not_tell_a_gateway_client_the_upstream_error_or_an_exception_class() {
        HttpResponse<String> answer = GatewayFixture.chat(GatewayFixture.MODEL, "hi");

        assertThat(answer.statusCode()).isBetween(502, 504);
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("127.0.0.1")
                .doesNotContain("Connection refused");
    }

    @Test
    void should_refuse_a_user_role_change_without_a_version_with_428() {
        String user = Probe.unique("noversion");
        HttpResponse<String> created = Probe.json(
                "POST",
                "/api/admin/users",
                admin(),
                "{\"username\":\"" + user + "\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> unversioned = Probe.send(
                "PATCH",
                "/api/admin/users/" + user,
                admin(),
                "application/merge-patch+json",
                "{\"role\":\"admin\"}".getBytes());

        assertThat(unversioned.statusCode()).isEqualTo(428);
        assertThat(Probe.parse(Probe.get("/api/admin/users/" + user, admin())).getString("role"))
                .isEqualTo("viewer");
        Probe.send("DELETE", "/api/admin/users/" + user, admin(), null, null);
    }
}
