package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy contract (ARCHITECTURE.md, "The strangler gate"), "getApiKey(service)", through the facade and the real vault. */
@SuppressWarnings("removal")
class GetApiKeyTest {

    @TempDir
    Path dataDirectory;

    @AfterEach
    void uninstall() {
        FacadeServices.uninstall();
    }

    private static List<String> calls(String service, int times) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            keys.add(Models.getApiKey(service));
        }
        return keys;
    }

    @Test
    void should_read_api_key_prefix_then_api_key_suffix_then_api_token_when_several_are_set() {
        FacadeServices.install(
                Map.of("API_KEY_OPENAI", "a-key", "OPENAI_API_KEY", "b-key", "OPENAI_API_TOKEN", "c-key"),
                dataDirectory);
        assertThat(Models.getApiKey("openai")).isEqualTo("a-key");

        FacadeServices.install(Map.of("OPENAI_API_KEY", "b-key", "OPENAI_API_TOKEN", "c-key"), dataDirectory);
        assertThat(Models.getApiKey("openai")).isEqualTo("b-key");

        FacadeServices.install(Map.of("API_KEY_OPENAI", "", "OPENAI_API_TOKEN", "c-key"), dataDirectory);
        assertThat(Models.getApiKey("openai")).isEqualTo("c-key");
    }

    @Test
    void should_hand_out_k1_k2_k3_k1_k2_when_a_padded_list_is_read_five_times() {
        FacadeServices.install(Map.of("OPENAI_API_KEY", "k1, k2 ,,k3"), dataDirectory);

        assertThat(calls("openai", 5)).containsExactly("k1", "k2", "k3", "k1", "k2");
    }

    @Test
    void should_keep_a_counter_per_service_string_as_passed_when_the_case_differs() {
        FacadeServices.install(Map.of("OPENAI_API_KEY", "k1,k2,k3"), dataDirectory);

        assertThat(Models.getApiKey("openai")).isEqualTo("k1");
        assertThat(Models.getApiKey("OpenAI")).isEqualTo("k1");
        assertThat(Models.getApiKey("openai")).isEqualTo("k2");
        assertThat(Models.getApiKey("OpenAI")).isEqualTo("k2");
    }

    @Test
    void should_return_a_single_key_as_stored_when_it_has_no_comma() {
        FacadeServices.install(Map.of("GROQ_API_KEY", " gsk-single "), dataDirectory);

        assertThat(calls("groq", 2)).containsExactly(" gsk-single ", " gsk-single ");
    }

    @Test
    void should_raise_not_configured_naming_the_provider_when_no_key_is_found() {
        FacadeServices.install(Map.of(), dataDirectory);

        assertThatThrownBy(() -> Models.getApiKey("anthropic"))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessageContaining("'anthropic'")
                .hasCauseInstanceOf(LlmNotConfiguredException.class);
    }

    @Test
    void should_raise_the_same_error_not_crash_when_the_list_holds_no_key() {
        FacadeServices.install(Map.of("OPENAI_API_KEY", ","), dataDirectory);

        assertThatThrownBy(() -> Models.getApiKey("openai"))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessageContaining("'openai'");
    }

    @Test
    void should_prefer_the_vaults_stored_key_matched_case_insensitively_over_the_environment() {
        FacadeServices.install(Map.of("OPENAI_API_KEY", "sk-from-environment"), dataDirectory)
                .storeKey("OpenAI", "main", "sk-stored-0123456789");

        assertThat(Models.getApiKey("openai")).isEqualTo("sk-stored-0123456789");
        assertThat(Models.getApiKey("OPENAI")).isEqualTo("sk-stored-0123456789");
    }

    @Test
    void should_never_show_a_key_in_the_error_when_a_key_is_a_placeholder() {
        FacadeServices.install(Map.of("OPENAI_API_KEY", "None"), dataDirectory);

        assertThatThrownBy(() -> Models.getChatModel("openai", "gpt-4o", null, Map.of()))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessage("Invalid API key for provider 'openai'. Configure proper API key.");
    }
}
