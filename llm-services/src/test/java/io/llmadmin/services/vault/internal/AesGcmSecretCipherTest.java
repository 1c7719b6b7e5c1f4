package io.llmadmin.services.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.credential.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

    private static final String SECRET = "sk-proj-THIS-IS-THE-CLEAR-KEY-0123456789abcdef";

    private final SecureRandom random = new SecureRandom();
    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(random);
    private final MasterKey masterKey = MasterKey.generate(random);

    @Test
    void should_open_what_it_sealed_when_the_master_key_and_provider_match() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);

        assertThat(cipher.open(MasterKeyring.of(masterKey), "openai", sealed)).isEqualTo(SECRET);
        assertThat(sealed.masterKeyId()).isEqualTo(masterKey.id());
    }

    @Test
    void should_contain_neither_the_clear_key_nor_the_master_key_when_sealed() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);

        byte[] ciphertext = sealed.ciphertext();
        byte[] clear = SECRET.getBytes(StandardCharsets.UTF_8);
        byte[] master = Base64.getDecoder().decode(masterKey.toBase64());
        assertThat(indexOf(ciphertext, clear)).isEqualTo(-1);
        assertThat(indexOf(ciphertext, Arrays.copyOf(clear, 8))).isEqualTo(-1);
        assertThat(indexOf(ciphertext, master)).isEqualTo(-1);
        assertThat(indexOf(ciphertext, Arrays.copyOf(master, 8))).isEqualTo(-1);
        String stored = Base64.getEncoder().encodeToString(ciphertext)
                + Base64.getEncoder().encodeToString(sealed.nonce());
        assertThat(stored)
                .doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(clear))
                .doesNotContain(masterKey.toBase64());
        assertThat(sealed.toString() + masterKey).doesNotContain(SECRET).doesNotContain(masterKey.toBase64());
        assertThat(masterKey.id()).doesNotContain(HexFormat.of().formatHex(master, 0, 4));
    }

    @Test
    void should_draw_a_fresh_nonce_when_the_same_key_is_sealed_twice() {
        EncryptedSecret first = cipher.seal(masterKey, "openai", SECRET);
        EncryptedSecret second = cipher.seal(masterKey, "openai", SECRET);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void should_fail_cleanly_naming_the_key_id_when_the_master_key_is_not_configured() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);
        MasterKey other = MasterKey.generate(random);

        assertThatThrownBy(() -> cipher.open(MasterKeyring.of(other), "openai", sealed))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining(masterKey.id())
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(masterKey.toBase64())
                .hasNoCause();
    }

    @Test
    void should_fail_cleanly_when_opened_with_a_wrong_master_key() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);
        MasterKey wrong = MasterKey.generate(random);
        EncryptedSecret claimedByWrongKey = new EncryptedSecret(wrong.id(), sealed.nonce(), sealed.ciphertext());

        assertThatThrownBy(() -> cipher.open(MasterKeyring.of(wrong), "openai", claimedByWrongKey))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate")
                .hasMessageNotContaining(SECRET)
                .hasNoCause();
    }

    @Test
    void should_refuse_a_tampered_ciphertext_or_nonce_when_opened() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[3] ^= 0x01;
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;
        MasterKeyring ring = MasterKeyring.of(masterKey);

        assertThatThrownBy(() ->
                        cipher.open(ring, "openai", new EncryptedSecret(masterKey.id(), sealed.nonce(), ciphertext)))
                .isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() ->
                        cipher.open(ring, "openai", new EncryptedSecret(masterKey.id(), nonce, sealed.ciphertext())))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void should_refuse_a_ciphertext_moved_to_another_provider_when_opened() {
        EncryptedSecret sealed = cipher.seal(masterKey, "openai", SECRET);

        assertThatThrownBy(() -> cipher.open(MasterKeyring.of(masterKey), "anthropic", sealed))
                .isInstanceOf(SecretDecryptionException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
