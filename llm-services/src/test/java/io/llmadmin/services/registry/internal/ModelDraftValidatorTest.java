package io.llmadmin.services.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.ModelDraft;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelDraftValidatorTest {

    private static final Set<String> STORED = Set.of("gemini-1.5-pro", "gemini-1.5-flash");

    private static ModelDraft draft(
            String id, String provider, String apiBase, String kwargs, List<String> fallbacks, int context, int max) {
        return new ModelDraft(
                id,
                ModelType.CHAT,
                provider,
                "OpenAI",
                "gpt-4o",
                "GPT-4o",
                null,
                0,
                apiBase,
                context,
                0,
                0,
                0,
                kwargs,
                true,
                fallbacks,
                ModelCapabilities.DEFAULT,
                0,
                2,
                0,
                1,
                max,
                null);
    }

    private static ModelDraft valid() {
        return draft(
                "gpt-4o",
                "openai",
                "https://api.openai.com/v1",
                "{\"seed\":1}",
                List.of("gemini-1.5-pro"),
                128_000,
                4096);
    }

    private static List<String> fields(ModelDraft draft) {
        return ModelDraftValidator.validate(draft, STORED::contains).stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void should_accept_a_complete_draft() {
        assertThat(ModelDraftValidator.validate(valid(), STORED::contains)).isEmpty();
    }

    @Test
    void should_name_every_wrong_field_at_once() {
        ModelDraft bad = draft("GPT 4", "skynet", "ftp://x", "[1,2]", List.of("nope"), 1000, 2000);

        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "id", "provider", "apiBase", "extraKwargs", "fallbacks[0]", "parameters.maxTokens");
    }

    @Test
    void should_refuse_secrets_in_extra_kwargs_and_credentials_in_the_api_base() {
        ModelDraft bad = draft(
                "gpt-4o",
                "openai",
                "https://user:pw@api.example.com/v1",
                "{\"headers\":{\"Authorization\":\"Bearer x\"},\"api_key\":\"sk-1\",\"max_tokens\":5}",
                List.of(),
                0,
                0);

        List<FieldError> errors = ModelDraftValidator.validate(bad, STORED::contains);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("apiBase", "extraKwargs.headers.Authorization", "extraKwargs.api_key");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).doesNotContain("sk-1", "pw"));
    }

    @Test
    void should_refuse_a_fallback_to_itself_and_one_listed_twice() {
        ModelDraft bad =
                draft("gpt-4o", "openai", "", null, List.of("gemini-1.5-pro", "gpt-4o", "gemini-1.5-pro"), 0, 0);

        assertThat(ModelDraftValidator.validate(bad, id -> true))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fallbacks[1]", "a model cannot fall back to itself"),
                        org.assertj.core.groups.Tuple.tuple("fallbacks[2]", "'gemini-1.5-pro' is listed twice"));
    }

    @Test
    void should_refuse_inverted_and_out_of_range_parameter_ranges() {
        ModelDraft bad = new ModelDraft(
                "m",
                ModelType.CHAT,
                "ollama",
                null,
                "llama3",
                "Llama 3",
                null,
                0,
                null,
                0,
                -1,
                0,
                0,
                null,
                true,
                List.of(),
                ModelCapabilities.DEFAULT,
                1.5,
                1.0,
                0,
                1.2,
                -3,
                null);

        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "limits.requestsPerMinute",
                        "parameters.temperatureMax",
                        "parameters.topPMax",
                        "parameters.maxTokens");
    }

    @Test
    void should_accept_an_empty_api_base_and_max_tokens_when_the_context_is_unknown() {
        ModelDraft draft = draft("local-llama", "local", "", "", List.of(), 0, 1_000_000);

        assertThat(fields(draft)).isEmpty();
    }
}
