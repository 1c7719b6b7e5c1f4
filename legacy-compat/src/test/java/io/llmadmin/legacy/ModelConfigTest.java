package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legacy contract (ARCHITECTURE.md, "The strangler gate"), "ModelConfig.buildKwargs()". */
@SuppressWarnings("removal")
class ModelConfigTest {

    private static ModelConfig config(String apiBase, Map<String, Object> kwargs) {
        return new ModelConfig(ModelType.CHAT, "openai", "gpt-4o", apiBase, 0, 0, 0, 0, false, kwargs);
    }

    @Test
    void should_add_api_base_to_a_copy_when_set_and_absent() {
        Map<String, Object> kwargs = new LinkedHashMap<>(Map.of("temperature", 0));

        Map<String, Object> built = config("http://h", kwargs).buildKwargs();

        assertThat(built).containsExactly(Map.entry("temperature", 0), Map.entry("api_base", "http://h"));
        assertThat(kwargs).containsOnlyKeys("temperature");
    }

    @Test
    void should_keep_the_callers_api_base_when_kwargs_already_has_one() {
        assertThat(config("http://h", new LinkedHashMap<>(Map.of("api_base", "y")))
                        .buildKwargs())
                .containsExactly(Map.entry("api_base", "y"));
    }

    @Test
    void should_add_nothing_when_the_api_base_is_empty() {
        assertThat(config("", new LinkedHashMap<>(Map.of("temperature", 0))).buildKwargs())
                .containsExactly(Map.entry("temperature", 0));
    }

    @Test
    void should_default_every_optional_field_like_the_python_dataclass() {
        ModelConfig config =
                new ModelConfig(ModelType.EMBEDDING, "huggingface", "sentence-transformers/all-MiniLM-L6-v2");

        assertThat(config.apiBase()).isEmpty();
        assertThat(config.ctxLength()).isZero();
        assertThat(config.limitRequests()).isZero();
        assertThat(config.limitInput()).isZero();
        assertThat(config.limitOutput()).isZero();
        assertThat(config.vision()).isFalse();
        assertThat(config.kwargs()).isEmpty();
        assertThat(config.buildKwargs()).isEmpty();
    }

    @Test
    void should_carry_the_registry_entrys_routing_and_limits() {
        ModelConfiguration model = new ModelConfiguration(
                "gpt-4o", io.llmadmin.domain.model.ModelType.CHAT, "openai", "gpt-4o-2024", "GPT-4o");
        model.limitPerMinute(60, 1000, 500);
        model.routeTo("http://127.0.0.1:1/v1", null, true);

        ModelConfig config = ModelConfig.from(model);

        assertThat(config.type()).isEqualTo(ModelType.CHAT);
        assertThat(config.name()).isEqualTo("gpt-4o-2024");
        assertThat(config.limitRequests()).isEqualTo(60);
        assertThat(config.vision()).isTrue();
        assertThat(config.buildKwargs()).containsEntry("api_base", "http://127.0.0.1:1/v1");
    }
}
