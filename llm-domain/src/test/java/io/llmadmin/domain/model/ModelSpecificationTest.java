package io.llmadmin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fallbacks, capabilities and parameter ranges of a model. */
class ModelSpecificationTest {

    private static ModelConfiguration gpt() {
        return new ModelConfiguration("gpt-4o", ModelType.CHAT, "openai", "gpt-4o", "GPT-4o");
    }

    @Test
    void should_keep_fallbacks_in_the_order_given() {
        ModelConfiguration model = gpt();

        model.fallBackTo(List.of("gpt-4o-mini", "gemini-1.5-flash"));

        assertThat(model.fallbacks()).containsExactly("gpt-4o-mini", "gemini-1.5-flash");
    }

    @Test
    void should_refuse_to_fall_back_to_itself_and_keep_the_old_fallbacks() {
        ModelConfiguration model = gpt();
        model.fallBackTo(List.of("gpt-4o-mini"));

        assertThatThrownBy(() -> model.fallBackTo(List.of("gemini-1.5-flash", "gpt-4o")))
                .hasMessageContaining("itself");
        assertThat(model.fallbacks()).containsExactly("gpt-4o-mini");
    }

    @Test
    void should_refuse_a_fallback_listed_twice_or_not_a_catalog_id() {
        ModelConfiguration model = gpt();

        assertThatThrownBy(() -> model.fallBackTo(List.of("a", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> model.fallBackTo(List.of("Not An Id"))).hasMessageContaining("not a catalog id");
    }

    @Test
    void should_clear_the_fallbacks_when_given_an_empty_list() {
        ModelConfiguration model = gpt();
        model.fallBackTo(List.of("gpt-4o-mini"));

        model.fallBackTo(List.of());

        assertThat(model.fallbacks()).isEmpty();
    }

    @Test
    void should_start_with_the_default_ranges_and_streaming_only() {
        ModelConfiguration model = gpt();

        assertThat(model.parameterRanges()).isEqualTo(ParameterRanges.DEFAULT);
        assertThat(model.capabilities()).isEqualTo(ModelCapabilities.DEFAULT);
    }

    @Test
    void should_set_the_vision_flag_from_the_declared_capabilities() {
        ModelConfiguration model = gpt();

        model.declareCapabilities(new ModelCapabilities(true, true, true, false, false));

        assertThat(model.vision()).isTrue();
        assertThat(model.capabilities().tools()).isTrue();
    }

    @Test
    void should_refuse_max_output_tokens_above_the_context_length_and_change_nothing() {
        ModelConfiguration model = gpt();
        model.specify(128_000, new ParameterRanges(0, 2, 0, 1, 4096));

        assertThatThrownBy(() -> model.specify(8_000, new ParameterRanges(0, 1, 0, 1, 16_000)))
                .hasMessageContaining("maxOutputTokens")
                .hasMessageContaining("contextLength");
        assertThat(model.contextLength()).isEqualTo(128_000);
        assertThat(model.parameterRanges().temperatureMax()).isEqualTo(2.0);
    }

    @Test
    void should_shrink_context_and_max_tokens_together() {
        ModelConfiguration model = gpt();
        model.specify(128_000, new ParameterRanges(0, 2, 0, 1, 16_000));

        model.specify(8_000, new ParameterRanges(0, 2, 0, 1, 4_000));

        assertThat(model.contextLength()).isEqualTo(8_000);
        assertThat(model.parameterRanges().maxOutputTokens()).isEqualTo(4_000);
    }

    @Test
    void should_refuse_ranges_outside_temperature_0_to_2_and_top_p_0_to_1() {
        assertThatThrownBy(() -> new ParameterRanges(0, 2.5, 0, 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new ParameterRanges(1, 0.5, 0, 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new ParameterRanges(0, 2, 0, 1.1, 0)).hasMessageContaining("top_p");
        assertThatThrownBy(() -> new ParameterRanges(0, 2, 0, 1, -1)).hasMessageContaining("maxOutputTokens");
    }

    @Test
    void should_check_call_parameters_against_the_ranges() {
        ParameterRanges ranges = new ParameterRanges(0, 1, 0.1, 0.9, 4096);

        assertThat(ranges.allowsTemperature(1.0)).isTrue();
        assertThat(ranges.allowsTemperature(1.5)).isFalse();
        assertThat(ranges.allowsTopP(0.05)).isFalse();
        assertThat(ranges.allowsMaxTokens(4096, 8192)).isTrue();
        assertThat(ranges.allowsMaxTokens(5000, 8192)).isFalse();
        assertThat(ParameterRanges.DEFAULT.allowsMaxTokens(9000, 8192)).isFalse();
        assertThat(ParameterRanges.DEFAULT.allowsMaxTokens(0, 8192)).isFalse();
    }

    @Test
    void should_know_the_thirteen_providers_and_nothing_else() {
        assertThat(Providers.KNOWN).hasSize(13).contains("inference-service", "other");
        assertThat(Providers.isKnown("openai")).isTrue();
        assertThat(Providers.isKnown("OpenAI")).isFalse();
        assertThat(Providers.isKnown("skynet")).isFalse();
    }
}
