package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model whose calls keep failing is taken out of rotation (the IT server cools a model down after 3 failed calls in a
 * minute, for 3 s): calls skip it for its fallback without contacting it, the admin API and {@code /health/ready} list
 * it, and once it answers again the next call after the cool-down probes it back in.
 */
class CooldownIT {

    private static final String SERVED = "X-LLM-Admin-Model";

    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static String backup;
    private static String flaky;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        provider = new ProviderStub();
        backup = RoutingAdmin.unique("it-cool-backup");
        flaky = RoutingAdmin.unique("it-cool-flaky");
        RoutingAdmin.createChatModel(backup, "ok-" + backup, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(flaky, "flaky-" + flaky, provider.apiBase(), List.of(backup));
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-cool-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (flaky != null) {
            RoutingAdmin.deleteModelQuietly(flaky);
            RoutingAdmin.deleteModelQuietly(backup);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> call() {
        return RoutingAdmin.complete(
                token, "{\"model\":\"" + flaky + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static String stateOf(String model) {
        return RoutingAdmin.cooldownState(it.llmadmin.ServerUnderTest::uri, model);
    }

    @Test
    void should_skip_a_failing_model_during_its_cooldown_and_readmit_it_after_a_successful_probe() throws Exception {
        // given: the model fails three calls in a row (each served by the backup)
        provider.fail("flaky-" + flaky);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> served = call();
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(served.headers().firstValue(SERVED)).contains(backup);
        }
        int triedBeforeCooldown = provider.requestsFor("flaky-" + flaky);

        // when: it is out of rotation
        HttpResponse<String> skipped = call();

        // then: the backup answers without the model being contacted, and the model is listed
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.headers().firstValue(SERVED)).contains(backup);
        assertThat(provider.requestsFor("flaky-" + flaky)).isEqualTo(triedBeforeCooldown);
        assertThat(stateOf(flaky)).isEqualTo("COOLING_DOWN");
        HttpResponse<String> health = ServerUnderTest.get("/health/ready");
        assertThat(health.body()).contains(flaky).contains("COOLING_DOWN");

        // when: the model answers again and the cool-down has passed, the next call probes it back in
        provider.recover("flaky-" + flaky);
        String servedBy = Eventually.value(
                flaky + " back in rotation",
                Duration.ofSeconds(20),
                Duration.ofMillis(500),
                () -> call().headers().firstValue(SERVED).orElse(""),
                flaky::equals);

        // then
        assertThat(servedBy).isEqualTo(flaky);
        assertThat(stateOf(flaky)).isEqualTo("IN_ROTATION");
    }
}
