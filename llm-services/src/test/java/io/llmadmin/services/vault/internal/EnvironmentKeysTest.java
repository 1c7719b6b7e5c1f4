package io.llmadmin.services.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The getApiKey vectors of the legacy contract (ARCHITECTURE.md, "The strangler gate"), through the vault with no stored keys. */
class EnvironmentKeysTest {

    private static DefaultApiKeyVault vaultWith(Map<String, String> environment) {
        return new DefaultApiKeyVault(
                new NoStoredCredentials(),
                null,
                EnvironmentSource.of(environment),
                Duration.ofSeconds(30),
                java.time.Clock.systemUTC());
    }

    private static List<String> calls(DefaultApiKeyVault vault, String service, int times) {
        List<String> keys = new ArrayList<>();
        IntStream.range(0, times).forEach(i -> keys.add(vault.requireKey(service)));
        return keys;
    }

    @Test
    void should_prefer_api_key_prefix_then_api_key_suffix_then_api_token_when_several_are_set() {
        assertThat(vaultWith(Map.of("API_KEY_OPENAI", "a", "OPENAI_API_KEY", "b", "OPENAI_API_TOKEN", "c"))
                        .requireKey("openai"))
                .isEqualTo("a");
        assertThat(vaultWith(Map.of("OPENAI_API_KEY", "b", "OPENAI_API_TOKEN", "c"))
                        .requireKey("openai"))
                .isEqualTo("b");
        assertThat(vaultWith(Map.of("OPENAI_API_TOKEN", "c")).requireKey("openai"))
                .isEqualTo("c");
    }

    @Test
    void should_upper_case_the_service_when_naming_the_variables() {
        assertThat(vaultWith(Map.of("API_KEY_GROQ", "gk")).requireKey("Groq")).isEqualTo("gk");
        assertThat(EnvironmentKeys.variableNames("deepseek"))
                .containsExactly("API_KEY_DEEPSEEK", "DEEPSEEK_API_KEY", "DEEPSEEK_API_TOKEN");
    }

    @Test
    void should_treat_an_empty_variable_as_unset_when_looking_further() {
        DefaultApiKeyVault vault = vaultWith(Map.of("API_KEY_OPENAI", "", "OPENAI_API_KEY", "b"));

        assertThat(vault.requireKey("openai")).isEqualTo("b");
    }

    @Test
    void should_hand_out_a_comma_list_round_robin_trimmed_without_empties_when_called_five_times() {
        DefaultApiKeyVault vault = vaultWith(Map.of("OPENAI_API_KEY", "k1, k2 ,,k3"));

        assertThat(calls(vault, "openai", 5)).containsExactly("k1", "k2", "k3", "k1", "k2");
    }

    @Test
    void should_keep_one_counter_per_service_string_as_passed_when_the_case_differs() {
        DefaultApiKeyVault vault = vaultWith(Map.of("OPENAI_API_KEY", "k1,k2,k3"));

        assertThat(vault.requireKey("OpenAI")).isEqualTo("k1");
        assertThat(vault.requireKey("openai")).isEqualTo("k1");
        assertThat(vault.requireKey("OpenAI")).isEqualTo("k2");
        assertThat(vault.requireKey("openai")).isEqualTo("k2");
    }

    @Test
    void should_return_a_single_key_exactly_as_stored_when_it_has_no_comma() {
        DefaultApiKeyVault vault = vaultWith(Map.of("ANTHROPIC_API_KEY", " sk-ant-single "));

        assertThat(calls(vault, "anthropic", 2)).containsExactly(" sk-ant-single ", " sk-ant-single ");
    }

    @Test
    void should_raise_not_configured_naming_the_provider_when_nothing_is_set() {
        DefaultApiKeyVault vault = vaultWith(Map.of());

        assertThat(vault.nextKey("mistral")).isEmpty();
        assertThatThrownBy(() -> vault.requireKey("mistral"))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("'mistral'");
    }

    @Test
    void should_raise_not_configured_rather_than_crash_when_the_list_has_no_key() {
        DefaultApiKeyVault vault = vaultWith(Map.of("OPENAI_API_KEY", ",", "GROQ_API_KEY", " , ,"));

        assertThatThrownBy(() -> vault.requireKey("openai"))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("'openai'")
                .hasMessageNotContaining(",,");
        assertThatThrownBy(() -> vault.requireKey("groq")).isInstanceOf(LlmNotConfiguredException.class);
    }

    @Test
    void should_never_name_a_key_when_raising_not_configured() {
        DefaultApiKeyVault vault = vaultWith(Map.of("OTHER_API_KEY", "sk-secret-other"));

        assertThatThrownBy(() -> vault.requireKey("openai")).hasMessageNotContaining("sk-secret-other");
    }

    @Test
    void should_need_no_key_for_ollama_and_local_when_asked_in_any_case() {
        DefaultApiKeyVault vault = vaultWith(Map.of());

        assertThat(vault.needsKey("ollama")).isFalse();
        assertThat(vault.needsKey("OLLAMA")).isFalse();
        assertThat(vault.needsKey("local")).isFalse();
        assertThat(vault.needsKey("openai")).isTrue();
        assertThat(vault.needsKey("inference-service")).isTrue();
    }
}
