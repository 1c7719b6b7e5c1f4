package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probing models through the admin API: one tiny call each, with status, latency and the last error. */
class ModelHealthIT {

    private static ProviderStub provider;
    private static String up;
    private static String down;

    @BeforeAll
    static void createModels() throws Exception {
        provider = new ProviderStub();
        up = RoutingAdmin.unique("it-health-up");
        down = RoutingAdmin.unique("it-health-down");
        RoutingAdmin.createChatModel(up, "ok-" + up, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(down, "down-" + down, provider.apiBase(), List.of());
    }

    @AfterAll
    static void cleanUp() {
        if (up != null) {
            RoutingAdmin.deleteModelQuietly(up);
            RoutingAdmin.deleteModelQuietly(down);
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void should_report_each_probed_model_with_its_status_latency_and_last_error() {
        // when
        HttpResponse<String> upProbe = RoutingAdmin.admin("POST", "/api/admin/model-health/" + up, "");
        HttpResponse<String> downProbe = RoutingAdmin.admin("POST", "/api/admin/model-health/" + down, "");

        // then
        assertThat(upProbe.statusCode()).as(upProbe.body()).isEqualTo(200);
        JsonObject healthy = RoutingAdmin.object(upProbe.body());
        assertThat(healthy.getString("status")).isEqualTo("UP");
        assertThat(healthy.getJsonNumber("latencyMillis").longValue()).isNotNegative();
        assertThat(provider.requestsFor("ok-" + up)).isEqualTo(1);
        assertThat(downProbe.statusCode()).as(downProbe.body()).isEqualTo(200);
        JsonObject failing = RoutingAdmin.object(downProbe.body());
        assertThat(failing.getString("status")).isEqualTo("DOWN");
        assertThat(failing.getString("lastError"))
                .startsWith("LlmUnavailableException")
                .contains("503");
        // one call: a probe is not retried
        assertThat(provider.requestsFor("down-" + down)).isEqualTo(1);

        HttpResponse<String> listed = RoutingAdmin.admin("GET", "/api/admin/model-health", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            assertThat(reader.readArray().stream()
                            .map(JsonValue::asJsonObject)
                            .filter(entry -> entry.getString("modelId").equals(up)
                                    || entry.getString("modelId").equals(down))
                            .map(entry -> entry.getString("modelId") + "=" + entry.getString("status")))
                    .containsExactlyInAnyOrder(up + "=UP", down + "=DOWN");
        }
    }

    @Test
    void should_answer_404_for_a_model_that_does_not_exist() {
        HttpResponse<String> response = RoutingAdmin.admin("POST", "/api/admin/model-health/no-such-model-x", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    }
}
