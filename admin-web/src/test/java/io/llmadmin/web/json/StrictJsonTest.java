package io.llmadmin.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Limits(@PositiveOrZero Integer perMinute) {}

    record Request(
            String name,
            Boolean active,
            Long version,
            @DecimalMax("2") Double temperature,
            Limits limits,
            List<String> tags) {}

    @Test
    void should_accept_values_of_the_right_type_and_range() {
        assertThat(StrictJson.problems(
                        json("{\"name\":\"n\",\"active\":true,\"version\":3,\"temperature\":1.5,"
                                + "\"limits\":{\"perMinute\":2147483647},\"tags\":[\"a\"],\"unknown\":{}}"),
                        Request.class))
                .isEmpty();
    }

    @Test
    void should_name_each_value_that_would_wrap_or_be_coerced() {
        List<JsonBodyException> problems = StrictJson.problems(
                json("{\"name\":false,\"active\":\"true\",\"version\":18446744073709551616,\"temperature\":1e400,"
                        + "\"limits\":{\"perMinute\":4294967296},\"tags\":[1]}"),
                Request.class);

        assertThat(problems)
                .extracting(JsonBodyException::field)
                .containsExactly("name", "active", "version", "temperature", "limits.perMinute", "tags[0]");
    }

    @Test
    void should_refuse_fractions_negative_counts_and_text_for_a_whole_number() {
        for (String value : List.of("0.5", "-1", "\"12\"", "1e400", "1e999999999")) {
            assertThat(StrictJson.problems(json("{\"limits\":{\"perMinute\":" + value + "}}"), Request.class))
                    .as(value)
                    .extracting(JsonBodyException::field)
                    .containsExactly("limits.perMinute");
        }
    }

    @Test
    void should_accept_a_whole_number_written_with_an_exponent_or_trailing_zeros() {
        assertThat(JsonNumbers.whole(Json.createValue(new java.math.BigDecimal("1.0E+2")), "x", 0, 1000))
                .isEqualTo(100);
    }

    @Test
    void should_refuse_a_body_nested_deeper_than_the_limit_without_recursing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> JsonBodies.object(deep))
                .isInstanceOfSatisfying(
                        JsonBodyException.class,
                        e -> assertThat(e.fieldMessage()).contains("deeper"));
    }

    @Test
    void should_refuse_an_exponent_beyond_any_number_as_a_bad_body_not_a_crash() {
        assertThatThrownBy(() -> JsonBodies.object("{\"a\":1e9999999999}")).isInstanceOf(JsonBodyException.class);
    }

    @Test
    void should_refuse_text_after_the_object() {
        assertThatThrownBy(() -> JsonBodies.object("{\"a\":1} {\"b\":2}")).isInstanceOf(JsonBodyException.class);
        assertThatThrownBy(() -> JsonBodies.object("{\"a\":1} garbage")).isInstanceOf(JsonBodyException.class);
        assertThat(JsonBodies.object(" {\"a\":1} ").getInt("a")).isEqualTo(1);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
