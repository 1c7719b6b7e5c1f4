package io.llmadmin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelConfigurationTest {

    private static ModelConfiguration gemini() {
        return new ModelConfiguration("gemini-1.5-pro", ModelType.CHAT, "gemini", "gemini-1.5-pro", "Gemini 1.5 Pro");
    }

    @Test
    void should_start_active_and_unlimited_when_created() {
        ModelConfiguration model = gemini();

        assertThat(model.active()).isTrue();
        assertThat(model.limitRequestsPerMinute()).isZero();
        assertThat(model.vision()).isFalse();
    }

    @Test
    void should_refuse_negative_limits_and_keep_the_old_ones() {
        ModelConfiguration model = gemini();
        model.limitPerMinute(60, 1000, 500);

        assertThatThrownBy(() -> model.limitPerMinute(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(model.limitRequestsPerMinute()).isEqualTo(60);
        assertThat(model.limitOutputTokensPerMinute()).isEqualTo(500);
    }

    @Test
    void should_refuse_a_blank_catalog_id() {
        assertThatThrownBy(() -> new ModelConfiguration(" ", ModelType.CHAT, "openai", "gpt-4o", "GPT-4o"))
                .hasMessageContaining("catalogId");
    }

    @Test
    void should_be_equal_when_the_catalog_id_is_the_same() {
        assertThat(gemini()).isEqualTo(gemini()).hasSameHashCodeAs(gemini());
    }
}
