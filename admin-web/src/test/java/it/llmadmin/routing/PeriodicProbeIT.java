package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optional periodic probe runs: the IT server probes the models whose ids start with {@code it-periodic-} every 2 s
 * ({@code LLM_HEALTH_PROBE_INTERVAL_SECONDS}, {@code LLM_HEALTH_PROBE_MODELS}), so such a model's state shows in the
 * admin API without anyone asking for a probe, follows its provider going down, and other models are left alone.
 */
class PeriodicProbeIT {

    private static ProviderStub provider;
    private static String probed;
    private static String notProbed;

    @BeforeAll
    static void createModels() throws Exception {
        provider = new ProviderStub();
        probed = RoutingAdmin.unique("it-periodic");
        notProbed = RoutingAdmin.unique("it-unprobed");
        RoutingAdmin.createChatModel(probed, "p-" + probed, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(notProbed, "p-" + notProbed, provider.apiBase(), List.of());
    }

    @AfterAll
    static void cleanUp() {
        if (probed != null) {
            RoutingAdmin.deleteModelQuietly(probed);
            RoutingAdmin.deleteModelQuietly(notProbed);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static Optional<JsonObject> lastProbeOf(String model) {
        return RoutingAdmin.entryOf(it.llmadmin.ServerUnderTest::uri, "/api/admin/model-health", model);
    }

    private static JsonObject awaitStatus(String model, String status) throws InterruptedException {
        Optional<JsonObject> last = lastProbeOf(model);
        for (int i = 0;
                i < 60
                        && last.map(probe -> !probe.getString("status").equals(status))
                                .orElse(true);
                i++) {
            Thread.sleep(500);
            last = lastProbeOf(model);
        }
        assertThat(last)
                .as("a periodic probe of %s with status %s", model, status)
                .isPresent();
        assertThat(last.get().getString("status")).isEqualTo(status);
        return last.get();
    }

    @Test
    void should_probe_the_chosen_models_periodically_without_anyone_asking() throws Exception {
        // then: nobody asked for a probe, yet one ran and reached the provider
        awaitStatus(probed, "UP");
        assertThat(provider.requestsFor("p-" + probed)).isPositive();

        // when: its provider goes down, a later round shows it
        provider.fail("p-" + probed);
        JsonObject down = awaitStatus(probed, "DOWN");
        assertThat(down.getString("lastError")).isNotBlank();

        // and: a model the setting does not name is never probed
        assertThat(lastProbeOf(notProbed)).isEmpty();
        assertThat(provider.requestsFor("p-" + notProbed)).isZero();
    }
}
