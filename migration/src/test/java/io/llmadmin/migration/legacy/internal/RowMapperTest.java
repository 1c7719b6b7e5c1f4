package io.llmadmin.migration.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.RowKind;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.Rejected;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    private static LegacyRow configuration(Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "type", "Chat",
                "provider", "openai",
                "name", "gpt-4o",
                "ctx_length", "128000"));
        fields.putAll(overrides);
        fields.values().removeIf(value -> value == null);
        return new LegacyRow(RowKind.CONFIGURATION, "row 1", fields);
    }

    private static String reason(Map<String, String> overrides) {
        MappedRow mapped = RowMapper.map(configuration(overrides));
        assertThat(mapped).isInstanceOf(Rejected.class);
        return ((Rejected) mapped).reason();
    }

    @Test
    void should_read_legacy_labels_and_provider_spellings_when_they_differ_in_case_or_alias() {
        Accepted google = (Accepted) RowMapper.map(configuration(Map.of("type", "Embedding", "provider", "Google")));
        Accepted lmStudio = (Accepted) RowMapper.map(configuration(Map.of("provider", "LM_STUDIO")));

        assertThat(google.type()).isEqualTo(ModelType.EMBEDDING);
        assertThat(google.provider()).isEqualTo("gemini");
        assertThat(lmStudio.provider()).isEqualTo("local");
    }

    @Test
    void should_reject_with_the_field_named_when_a_count_is_not_a_whole_number() {
        assertThat(reason(Map.of("ctx_length", "12.5"))).isEqualTo("ctx_length '12.5' is not a whole number");
        assertThat(reason(Map.of("limit_input", "lots"))).isEqualTo("limit_input 'lots' is not a whole number");
    }

    @Test
    void should_accept_a_whole_number_written_with_a_fraction_of_zero() {
        Accepted row = (Accepted) RowMapper.map(configuration(Map.of("ctx_length", "4096.0")));

        assertThat(row.contextLength()).isEqualTo(4096);
    }

    @Test
    void should_reject_when_kwargs_is_json_but_not_an_object() {
        assertThat(reason(Map.of("kwargs", "[1, 2]"))).isEqualTo("kwargs must be a JSON object, not array");
        assertThat(reason(Map.of("kwargs", "\"temperature=0\""))).isEqualTo("kwargs must be a JSON object, not string");
    }

    @Test
    void should_point_at_the_broken_spot_when_kwargs_is_not_json() {
        assertThat(reason(Map.of("kwargs", "{\"a\": 1,, \"b\": 2}")))
                .matches("kwargs is not valid JSON \\(line 1, column \\d+\\)");
    }

    @Test
    void should_take_every_key_out_of_kwargs_and_keep_the_rest_when_kwargs_holds_api_keys() {
        Accepted row = (Accepted) RowMapper.map(configuration(Map.of(
                "kwargs",
                "{\"api_key\": \"sk-one-0000000001\", \"openai_api_key\": \"sk-two-0000000002\","
                        + " \"apiKey\": \"\", \"headers\": {\"x\": 1}}")));

        assertThat(row.kwargsJson()).isEqualTo("{\"headers\":{\"x\":1}}");
        assertThat(row.secrets())
                .extracting(MappedRow.FoundSecret::secret)
                .containsExactly("sk-one-0000000001", "sk-two-0000000002");
        assertThat(row.toString()).doesNotContain("sk-one");
    }

    @Test
    void should_reject_text_longer_than_its_column() {
        assertThat(reason(Map.of("name", "n".repeat(201)))).isEqualTo("name is 201 characters long; at most 200 fit");
        assertThat(reason(Map.of("api_base", "http://" + "h".repeat(500))))
                .isEqualTo("api_base is 507 characters long; at most 500 fit");
    }

    @Test
    void should_reject_a_metadata_row_whose_description_is_longer_than_its_column() {
        LegacyRow row = new LegacyRow(
                RowKind.METADATA,
                "llm_model id=long",
                Map.of("id", "long", "name", "Long", "model_type", "chat", "description", "d".repeat(2001)));

        assertThat(((Rejected) RowMapper.map(row)).reason())
                .isEqualTo("description is 2001 characters long; at most 2000 fit");
    }

    @Test
    void should_treat_null_and_empty_api_base_alike() {
        Accepted empty = (Accepted) RowMapper.map(configuration(Map.of("api_base", "")));
        Accepted absent = (Accepted) RowMapper.map(configuration(Map.of()));

        assertThat(empty.apiBase()).isNull();
        assertThat(absent.apiBase()).isNull();
    }

    @Test
    void should_reject_a_row_without_a_name() {
        Map<String, String> noName = new HashMap<>();
        noName.put("name", "  ");

        assertThat(reason(noName)).isEqualTo("name is missing");
    }
}
