package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers are bound exactly (finding 3): a value out of range, fractional where a whole number is due, or of another
 * JSON type is a 400 naming the field, and nothing is stored. Before, 4294967296 requests per minute became 0
 * (unlimited), 4294967356 became 60, {@code "12"} became 12 and {@code false} became the text "false".
 */
class StrictNumbersIT {

    @Test
    void should_refuse_gateway_key_limits_that_would_wrap_with_a_400_naming_the_field() {
        Map<String, String> values = Map.of(
                "4294967296", "limits.requestsPerMinute",
                "4294967356", "limits.requestsPerMinute",
                "1e400", "limits.requestsPerMinute",
                "0.5", "limits.requestsPerMinute",
                "-1", "limits.requestsPerMinute",
                "\"12\"", "limits.requestsPerMinute");
        values.forEach((value, field) -> {
            String name = Probe.unique("wrap");
            HttpResponse<String> answer = Probe.json(
                    "POST",
                    "/api/admin/gateway-keys",
                    admin(),
                    "{\"name\":\"" + name + "\",\"limits\":{\"requestsPerMinute\":" + value + "}}");

            assertThat(answer.statusCode()).as(value).isEqualTo(400);
            assertThat(fields(answer)).as(value).containsExactly(field);
            assertThat(Probe.get("/api/admin/gateway-keys", admin()).body())
                    .as(value)
                    .doesNotContain(name);
        });
    }

    @Test
    void should_refuse_a_boolean_where_a_text_is_due() {
        HttpResponse<String> answer = Probe.json("POST", "/api/admin/gateway-keys", admin(), "{\"name\":false}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("name");
        assertThat(Probe.get("/api/admin/gateway-keys", admin()).body()).doesNotContain("\"name\":\"false\"");
    }

    @Test
    void should_refuse_model_numbers_out_of_range_or_mistyped_with_a_400_naming_each_field() {
        String id = Probe.unique("strict");
        String body = "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"openai\",\"providerModelName\":\"m\","
                + "\"displayName\":\"D\",\"contextLength\":4294967356,\"sortOrder\":\"12\","
                + "\"limits\":{\"inputTokensPerMinute\":1e400},\"parameters\":{\"maxTokens\":0.5,"
                + "\"temperatureMax\":1e400},\"active\":\"yes\"}";

        HttpResponse<String> answer = Probe.json("POST", "/api/admin/models", admin(), body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(fields(answer))
                .containsExactlyInAnyOrder(
                        "contextLength",
                        "sortOrder",
                        "limits.inputTokensPerMinute",
                        "parameters.maxTokens",
                        "parameters.temperatureMax",
                        "active");
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_a_version_that_would_wrap_in_a_model_patch() {
        String id = Probe.unique("version");
        HttpResponse<String> created = Probe.json("POST", "/api/admin/models", admin(), MalformedInputIT.model(id));
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> wrapped = Probe.send(
                "PATCH",
                "/api/admin/models/" + id,
                admin(),
                "application/merge-patch+json",
                "{\"displayName\":\"Changed\",\"version\":18446744073709551616}".getBytes());
        HttpResponse<String> text = Probe.send(
                "PATCH",
                "/api/admin/models/" + id,
                admin(),
                "application/merge-patch+json",
                "{\"displayName\":\"Changed\",\"version\":\"0\"}".getBytes());

        assertThat(wrapped.statusCode()).isEqualTo(400);
        assertThat(fields(wrapped)).containsExactly("version");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(Probe.parse(Probe.get("/api/admin/models/" + id, admin())).getString("displayName"))
                .isEqualTo("X");
        Probe.send("DELETE", "/api/admin/models/" + id, admin(), null, null);
    }

    @Test
    void should_refuse_gateway_n_and_max_tokens_that_would_wrap_with_a_400_naming_the_parameter() {
        String token = GatewayFixture.token();
        Map<String, String> bodies = Map.of(
                "n", "\"n\":18446744073709551617",
                "max_tokens", "\"max_tokens\":4294967297",
                "max_completion_tokens", "\"max_completion_tokens\":1.5",
                "temperature", "\"temperature\":1e400");
        bodies.forEach((parameter, member) -> {
            HttpResponse<String> answer = Probe.json(
                    "POST",
                    "/openai/v1/chat/completions",
                    "Bearer " + token,
                    "{\"model\":\"" + GatewayFixture.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                            + member + "}");

            assertThat(answer.statusCode()).as(parameter).isEqualTo(400);
            JsonObject error = Probe.parse(answer).getJsonObject("error");
            assertThat(error.getString("param")).as(parameter).isEqualTo(parameter);
        });
    }

    static java.util.List<String> fields(HttpResponse<String> answer) {
        return Probe.parse(answer).getJsonArray("fieldErrors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .toList();
    }
}
