package io.llmadmin.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiCredentialTest {

    private static final EncryptedSecret SEALED =
            new EncryptedSecret("k1", new byte[] {1, 2, 3}, "opaque-ciphertext-bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void should_store_the_provider_lower_case_when_given_in_any_case() {
        ApiCredential credential = new ApiCredential("  OpenAI ", " production ", SEALED, "wxyz");

        assertThat(credential.provider()).isEqualTo("openai");
        assertThat(credential.label()).isEqualTo("production");
        assertThat(credential.enabled()).isTrue();
    }

    @Test
    void should_show_only_provider_label_and_last_four_when_printed() {
        ApiCredential credential = new ApiCredential("openai", "production", SEALED, "wxyz");

        assertThat(credential.toString())
                .contains("openai/production", "****wxyz")
                .doesNotContain("opaque", "AQID");
        assertThat(SEALED.toString()).doesNotContain("opaque", "AQID").contains("k1");
    }

    @Test
    void should_refuse_a_provider_that_is_not_a_slug_when_created() {
        assertThatThrownBy(() -> new ApiCredential("open ai", "x", SEALED, "wxyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("provider");
        assertThatThrownBy(() -> new ApiCredential(null, "x", SEALED, "wxyz")).hasMessageStartingWith("provider");
    }

    @Test
    void should_refuse_a_blank_label_or_more_than_four_display_characters_when_created() {
        assertThatThrownBy(() -> new ApiCredential("openai", "  ", SEALED, "wxyz"))
                .hasMessageStartingWith("label");
        assertThatThrownBy(() -> new ApiCredential("openai", "x", SEALED, "vwxyz"))
                .hasMessageStartingWith("lastFour");
    }

    @Test
    void should_swap_the_ciphertext_and_keep_the_rest_when_reencrypted() {
        ApiCredential credential = new ApiCredential("openai", "production", SEALED, "wxyz");
        EncryptedSecret resealed = new EncryptedSecret("k2", new byte[] {9}, new byte[] {8, 7});

        credential.reencrypt(resealed);

        assertThat(credential.encryptedSecret()).isEqualTo(resealed);
        assertThat(credential.encryptedSecret().masterKeyId()).isEqualTo("k2");
        assertThat(credential.lastFour()).isEqualTo("wxyz");
    }

    @Test
    void should_hand_out_copies_of_the_bytes_when_read() {
        byte[] nonce = SEALED.nonce();
        nonce[0] = 42;

        assertThat(SEALED.nonce()).containsExactly(1, 2, 3);
    }
}
