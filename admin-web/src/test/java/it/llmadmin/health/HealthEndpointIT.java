package it.llmadmin.health;

import static it.llmadmin.ServerUnderTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Readiness and liveness as a load balancer sees them, once the server has started. */
class HealthEndpointIT {

    @Test
    void should_be_ready_with_the_database_check_up_once_started() {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database"))
                .findFirst()
                .orElseThrow();
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("schema")).isEqualTo("migrated");
    }

    @Test
    void should_be_live_while_the_server_runs() {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).getString("status")).isEqualTo("UP");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
