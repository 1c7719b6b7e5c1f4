package io.llmadmin.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiCredentialTest {

    private static final EncryptedSecret SEALED =
            new EncryptedSecret("k1", new byte[] {1, 2, 3}, "opaque-ciphertext-bytes".getBytes(StandardCharsets.UTF_8));

    private static CredentialSecret secret(String lastFour) {
        return new CredentialSecret(SEALED, lastFour, "fp", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static ApiCredential credential() {
        return new ApiCredential("openai", "production", "https://api.openai.com/v1/", secret("wxyz"), "alice");
    }

    @Test
    void should_store_the_provider_lower_case_and_the_endpoint_without_slash_when_given() {
        ApiCredential credential =
                new ApiCredential("  OpenAI ", " production ", "https://api.openai.com/v1/", secret("wxyz"), "alice");

        assertThat(credential.provider()).isEqualTo("openai");
        assertThat(credential.label()).isEqualTo("production");
        assertThat(credential.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(credential.enabled()).isTrue();
        assertThat(credential.createdBy()).isEqualTo("alice");
        assertThat(credential.lastFours()).containsExactly("wxyz");
    }

    @Test
    void should_show_only_provider_label_host_and_last_four_when_printed() {
        assertThat(credential().toString())
                .contains("openai/production", "****wxyz", "https://api.openai.com:443")
                .doesNotContain("opaque", "AQID", "fp");
        assertThat(SEALED.toString()).doesNotContain("opaque", "AQID").contains("k1");
    }

    @Test
    void should_refuse_a_provider_that_is_not_a_slug_when_created() {
        assertThatThrownBy(() -> new ApiCredential("open ai", "x", null, secret("wxyz"), "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("provider");
        assertThatThrownBy(() -> new ApiCredential(null, "x", null, secret("wxyz"), "a"))
                .hasMessageStartingWith("provider");
    }

    @Test
    void should_refuse_a_blank_label_a_long_display_part_or_an_endpoint_with_credentials_when_created() {
        assertThatThrownBy(() -> new ApiCredential("openai", "  ", null, secret("wxyz"), "a"))
                .hasMessageStartingWith("label");
        assertThatThrownBy(() -> secret("vwxyz")).hasMessageStartingWith("lastFour");
        assertThatThrownBy(() -> new ApiCredential("other", "x", "http://u:p@host/v1", secret("wxyz"), "a"))
                .hasMessageStartingWith("baseUrl")
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> new ApiCredential("other", "x", "ftp://host/v1", secret("wxyz"), "a"))
                .hasMessageStartingWith("baseUrl");
    }

    @Test
    void should_keep_secrets_in_order_and_record_who_rotated_when_secrets_are_added_or_replaced() {
        ApiCredential credential = credential();

        credential.addSecret(secret("2222"), "bob");
        assertThat(credential.lastFours()).containsExactly("wxyz", "2222");
        assertThat(credential.rotatedBy()).isEqualTo("bob");

        credential.replaceSecrets(secret("3333"), "carol");
        assertThat(credential.lastFours()).containsExactly("3333");
        assertThat(credential.rotatedBy()).isEqualTo("carol");
        assertThat(credential.rotatedAt()).isNotNull();
    }

    @Test
    void should_refuse_more_than_the_maximum_secrets_when_added() {
        ApiCredential credential = credential();
        for (int i = 1; i < ApiCredential.MAX_SECRETS; i++) {
            credential.addSecret(secret("000" + (i % 10)), "a");
        }

        assertThatThrownBy(() -> credential.addSecret(secret("9999"), "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_bind_an_unbound_credential_once_when_bound() {
        ApiCredential legacy = new ApiCredential("other", "legacy", null, secret("wxyz"), null);

        legacy.bindTo("http://vllm.internal:8000/v1");

        assertThat(legacy.baseUrl()).isEqualTo("http://vllm.internal:8000/v1");
        assertThatThrownBy(() -> legacy.bindTo("http://elsewhere/v1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_swap_the_ciphertexts_and_keep_the_rest_when_reencrypted() {
        ApiCredential credential = credential();
        EncryptedSecret resealed = new EncryptedSecret("k2", new byte[] {9}, new byte[] {8, 7});

        credential.reencrypt(secret -> secret.resealed(resealed, "fp2"));

        assertThat(credential.secrets().get(0).sealed()).isEqualTo(resealed);
        assertThat(credential.secrets().get(0).fingerprint()).isEqualTo("fp2");
        assertThat(credential.lastFours()).containsExactly("wxyz");
    }

    @Test
    void should_hand_out_copies_of_the_bytes_when_read() {
        byte[] nonce = SEALED.nonce();
        nonce[0] = 42;

        assertThat(SEALED.nonce()).containsExactly(1, 2, 3);
    }
}
