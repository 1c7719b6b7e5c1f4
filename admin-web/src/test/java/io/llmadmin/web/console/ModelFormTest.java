package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelView;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFormTest {

    @Test
    void should_keep_what_the_form_does_not_show_when_a_loaded_model_is_saved() {
        // given
        ModelConfiguration model = new ModelConfiguration("gpt", ModelType.CHAT, "openai", "gpt-4o", "GPT");
        model.routeTo("https://api.example.com/v1", "{\"seed\":3}", true);
        model.declareCapabilities(new ModelCapabilities(false, true, true, true, false));
        model.specify(128000, new ParameterRanges(0.1, 1.5, 0.2, 0.9, 4096));
        model.fallBackTo(List.of("other"));

        // when
        ModelForm form = ModelForm.of(ModelView.of(model));
        form.setDisplayName("  GPT renamed ");
        ModelDraft draft = form.toDraft();

        // then
        assertThat(form.isStored()).isTrue();
        assertThat(draft.catalogId()).isEqualTo("gpt");
        assertThat(draft.displayName()).isEqualTo("GPT renamed");
        assertThat(draft.extraKwargsJson()).isEqualTo("{\"seed\":3}");
        assertThat(draft.fallbacks()).containsExactly("other");
        assertThat(draft.capabilities()).isEqualTo(new ModelCapabilities(false, true, true, true, false));
        assertThat(draft.temperatureMin()).isEqualTo(0.1);
        assertThat(draft.topPMax()).isEqualTo(0.9);
        assertThat(draft.maxTokens()).isEqualTo(4096);
        assertThat(draft.contextLength()).isEqualTo(128000);
    }

    @Test
    void should_send_zero_for_empty_numbers_and_null_for_an_unknown_type_when_a_new_form_is_saved() {
        // given
        ModelForm form = new ModelForm();
        form.setContextLength(null);
        form.setTemperatureMax(" ");
        form.setType("nonsense");
        form.setVendor(" ");

        // when
        ModelDraft draft = form.toDraft();

        // then
        assertThat(form.isStored()).isFalse();
        assertThat(draft.contextLength()).isZero();
        assertThat(draft.type()).isNull();
        assertThat(draft.vendor()).isNull();
        assertThat(draft.active()).isTrue();
        assertThat(draft.capabilities()).isEqualTo(ModelCapabilities.DEFAULT);
        assertThat(draft.temperatureMax()).isEqualTo(ParameterRanges.DEFAULT.temperatureMax());
        assertThat(form.inputErrors()).isEmpty();
    }

    @Test
    void should_put_each_registry_field_error_on_its_input_when_the_form_shows_the_field() {
        assertThat(ModelFormInputs.componentOf("id")).contains("catalogId");
        assertThat(ModelFormInputs.componentOf("limits.requestsPerMinute")).contains("requestsPerMinute");
        assertThat(ModelFormInputs.componentOf("contextLength")).contains("contextLength");
        assertThat(ModelFormInputs.componentOf("extraKwargs")).contains("extraKwargs");
        assertThat(ModelFormInputs.componentOf("extraKwargs.api_key")).contains("extraKwargs");
        assertThat(ModelFormInputs.componentOf("fallbacks[2]")).contains("fallbackChoice");
        assertThat(ModelFormInputs.componentOf("parameters.maxTokens")).contains("maxOutputTokens");
        assertThat(ModelFormInputs.componentOf("capabilities")).isEmpty();
    }

    @Test
    void should_add_move_and_remove_fallbacks_in_order_when_the_form_edits_them() {
        ModelForm form = new ModelForm();

        assertThat(form.addFallback("a")).isTrue();
        form.addFallback("b");
        form.addFallback("c");
        assertThat(form.addFallback("b")).isFalse();
        form.moveFallback("c", -1);
        form.moveFallback("a", -1);
        form.moveFallback("b", 1);
        form.removeFallback("a");

        assertThat(form.toDraft().fallbacks()).containsExactly("c", "b");
    }

    @Test
    void should_read_numbers_exactly_and_name_each_one_that_is_not_a_number() {
        ModelForm form = new ModelForm();
        form.setContextLength(" 128000 ");
        form.setTemperatureMin("0,2");
        form.setTopPMax(".9");
        form.setRequestsPerMinute("1e3");
        form.setMaxOutputTokens("4294967296");
        form.setTemperatureMax("NaN");
        form.setExtraKwargs("[1]");

        ModelDraft draft = form.toDraft();

        assertThat(draft.contextLength()).isEqualTo(128000);
        assertThat(draft.temperatureMin()).isEqualTo(0.2);
        assertThat(draft.topPMax()).isEqualTo(0.9);
        assertThat(form.inputErrors())
                .extracting(error -> error.field() + " " + error.message())
                .containsExactly(
                        "limits.requestsPerMinute must be a whole number",
                        "parameters.temperatureMax must be a number like 0.7",
                        "parameters.maxTokens must be at most 2147483647",
                        "extraKwargs must be a JSON object, like {\"seed\": 7}");
    }
}
