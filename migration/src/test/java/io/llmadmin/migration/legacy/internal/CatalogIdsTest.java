package io.llmadmin.migration.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import org.junit.jupiter.api.Test;

class CatalogIdsTest {

    @Test
    void should_keep_a_name_that_is_a_valid_catalog_id_already() {
        assertThat(CatalogIds.derive("gemini-1.5-pro")).isEqualTo("gemini-1.5-pro");
    }

    @Test
    void should_lower_case_and_dash_separate_when_the_name_has_capitals_spaces_and_slashes() {
        assertThat(CatalogIds.derive("Llama 3.1 8B")).isEqualTo("llama-3.1-8b");
        assertThat(CatalogIds.derive("openai/gpt-4o-mini")).isEqualTo("openai-gpt-4o-mini");
        assertThat(CatalogIds.derive("qwen2.5:7b-instruct ")).isEqualTo("qwen2.5-7b-instruct");
        assertThat(CatalogIds.derive("--GPT 4o--")).isEqualTo("gpt-4o");
    }

    @Test
    void should_drop_accents_when_the_name_has_them() {
        assertThat(CatalogIds.derive("Modèle Français Œuvre")).isEqualTo("modele-francais-uvre");
    }

    @Test
    void should_fall_back_to_a_stable_hash_when_no_latin_letter_or_digit_is_left() {
        String id = CatalogIds.derive("通义千问");

        assertThat(id).matches("model-[0-9a-f]{12}").isEqualTo(CatalogIds.derive("通义千问"));
        assertThat(id).isNotEqualTo(CatalogIds.derive("文心一言"));
    }

    @Test
    void should_cut_to_100_characters_with_a_hash_that_keeps_long_names_apart() {
        String base = "x".repeat(150);

        String first = CatalogIds.derive(base + " one");
        String second = CatalogIds.derive(base + " two");

        assertThat(first).hasSizeLessThanOrEqualTo(100).matches(ModelConfiguration.CATALOG_ID_PATTERN);
        assertThat(first).isNotEqualTo(second);
        assertThat(first).isEqualTo(CatalogIds.derive(base + " one"));
    }
}
