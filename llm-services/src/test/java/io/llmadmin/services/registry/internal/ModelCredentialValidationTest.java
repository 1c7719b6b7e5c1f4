package io.llmadmin.services.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import io.llmadmin.domain.credential.EncryptedSecret;
import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.ModelDraft;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A model naming a credential is saved only when it calls that credential's endpoint. */
class ModelCredentialValidationTest {

    private static final long VLLM_A = 1L;
    private static final long UNBOUND = 2L;

    private static final Map<Long, ApiCredential> CREDENTIALS = Map.of(
            VLLM_A, credential("other", "vllm-a", "http://vllm-a:8000/v1"),
            UNBOUND, credential("other", "legacy", null));

    private static ApiCredential credential(String provider, String label, String baseUrl) {
        return new ApiCredential(
                provider,
                label,
                baseUrl,
                new CredentialSecret(
                        new EncryptedSecret("k", new byte[] {1}, new byte[] {2}), "abcd", null, OffsetDateTime.now()),
                "alice");
    }

    private static ModelDraft draft(String provider, String apiBase, Long credentialId) {
        return new ModelDraft(
                "m",
                ModelType.CHAT,
                provider,
                null,
                "m",
                "M",
                null,
                0,
                apiBase,
                0,
                0,
                0,
                0,
                null,
                true,
                List.of(),
                ModelCapabilities.DEFAULT,
                0,
                2,
                0,
                1,
                0,
                credentialId);
    }

    private static List<FieldError> errors(ModelDraft draft) {
        return ModelDraftValidator.validate(draft, id -> false, id -> Optional.ofNullable(CREDENTIALS.get(id)));
    }

    @Test
    void should_accept_a_model_at_its_credentials_endpoint_or_below_it() {
        assertThat(errors(draft("other", "http://vllm-a:8000/v1", VLLM_A))).isEmpty();
        assertThat(errors(draft("other", "http://vllm-a:8000/v1/", VLLM_A))).isEmpty();
        assertThat(errors(draft("other", "http://attacker:8000/v1", null))).isEmpty();
    }

    @Test
    void should_refuse_another_host_with_a_message_on_the_api_base_when_a_credential_is_named() {
        List<FieldError> errors = errors(draft("other", "http://attacker:8000/v1", VLLM_A));

        assertThat(errors).extracting(FieldError::field).containsExactly("apiBase");
        assertThat(errors.get(0).message()).contains("other/vllm-a", "http://vllm-a:8000/v1");
    }

    @Test
    void should_refuse_an_unknown_unbound_or_other_providers_credential_on_the_credential_field() {
        assertThat(errors(draft("other", "http://vllm-a:8000/v1", 99L)))
                .extracting(FieldError::field)
                .containsExactly("credentialId");
        assertThat(errors(draft("other", "http://vllm-a:8000/v1", UNBOUND)))
                .extracting(FieldError::message)
                .singleElement()
                .asString()
                .contains("not bound");
        assertThat(errors(draft("openai", "http://vllm-a:8000/v1", VLLM_A)))
                .extracting(FieldError::message)
                .singleElement()
                .asString()
                .contains("provider 'other'");
    }
}
