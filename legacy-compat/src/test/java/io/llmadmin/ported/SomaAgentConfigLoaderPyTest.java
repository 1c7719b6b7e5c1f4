package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code python/somaagent/agent_config_loader.py}: uses {@code models.ModelConfig} only as a type, for the configs it
 * loads and hands to the agent context.
 */
@SuppressWarnings("removal")
class SomaAgentConfigLoaderPyTest {

    /** {@code load() -> models.ModelConfig}, as ported. */
    private static ModelConfig load(Map<String, Object> stored) {
        return new ModelConfig(
                ModelType.fromValue((String) stored.get("type")), (String) stored.get("provider"), (String)
                        stored.get("name"));
    }

    @Test
    void should_load_a_model_config_that_compares_by_value_with_python_defaults() {
        ModelConfig loaded = load(Map.of("type", "Chat", "provider", "anthropic", "name", "claude-3-5-sonnet"));

        assertThat(loaded)
                .isEqualTo(new ModelConfig(
                        ModelType.CHAT, "anthropic", "claude-3-5-sonnet", "", 0, 0, 0, 0, false, new HashMap<>()));
        assertThat(loaded.buildKwargs()).isEmpty();
    }
}
