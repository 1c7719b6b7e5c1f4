package io.llmadmin.services.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.changes.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelHeadersTest {

    private static JsonObject kwargs(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void should_read_the_headers_of_the_kwargs_in_their_order() {
        assertThat(ModelHeaders.of("{\"temperature\": 1, \"extra_headers\": {\"X-Title\": \"Agent\", \"HTTP-Referer\":"
                        + " \"https://agent.example\"}}"))
                .containsExactly(
                        java.util.Map.entry("X-Title", "Agent"),
                        java.util.Map.entry("HTTP-Referer", "https://agent.example"));
        assertThat(ModelHeaders.of(null)).isEmpty();
        assertThat(ModelHeaders.of("{\"extra_headers\": [1]}")).isEmpty();
    }

    @Test
    void should_refuse_bad_names_line_breaks_long_values_secrets_and_client_owned_headers() {
        List<FieldError> errors = ModelHeaders.check(kwargs("{\"extra_headers\": {\"Bad Name\": \"x\", \"X-Split\":"
                + " \"a\\r\\nInjected: 1\", \"X-Long\": \"" + "v".repeat(1001) + "\", \"x-api-key\": \"k\","
                + " \"Host\": \"elsewhere\", \"X-Number\": 3, \"X-Fine\": \"ok\"}}"));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly(
                        "extraKwargs.extra_headers.Bad Name",
                        "extraKwargs.extra_headers.X-Split",
                        "extraKwargs.extra_headers.X-Long",
                        "extraKwargs.extra_headers.x-api-key",
                        "extraKwargs.extra_headers.Host",
                        "extraKwargs.extra_headers.X-Number");
        assertThat(errors.get(1).message()).contains("line breaks");
        assertThat(ModelHeaders.of("{\"extra_headers\": {\"X-Split\": \"a\\nb\", \"X-Fine\": \"ok\"}}"))
                .containsOnlyKeys("X-Fine");
    }

    @Test
    void should_refuse_more_than_twenty_headers_and_a_value_that_is_not_an_object() {
        StringBuilder many = new StringBuilder("{\"extra_headers\": {");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ", ").append("\"X-H").append(i).append("\": \"v\"");
        }
        assertThat(ModelHeaders.check(kwargs(many + "}}")))
                .extracting(FieldError::message)
                .containsExactly("must hold at most 20 headers");
        assertThat(ModelHeaders.check(kwargs("{\"extra_headers\": \"X-A: b\"}")))
                .extracting(FieldError::field)
                .containsExactly("extraKwargs.extra_headers");
    }
}
