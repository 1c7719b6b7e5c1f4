package io.llmadmin.domain.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret as stored: the AEAD ciphertext (with its authentication tag), the nonce it was sealed with, and the id of
 * the master key that sealed it. Both byte values are kept as Base64 text so the columns read the same on every
 * database; the accessors hand out copies.
 */
@Embeddable
public class EncryptedSecret {

    /** The longest master key id accepted; ids are short digests, never the key. */
    public static final int MAX_KEY_ID_LENGTH = 32;

    @Column(name = "master_key_id", nullable = false, length = MAX_KEY_ID_LENGTH)
    private String masterKeyId;

    @Column(name = "secret_nonce", nullable = false, length = 32)
    private String nonce;

    @Column(name = "secret_ciphertext", nullable = false, length = 4000)
    private String ciphertext;

    /** For JPA only. */
    protected EncryptedSecret() {}

    /**
     * @param masterKeyId the id of the master key that sealed the secret
     * @param nonce the nonce used for this encryption (never reused with the same key)
     * @param ciphertext the ciphertext including the authentication tag
     */
    public EncryptedSecret(String masterKeyId, byte[] nonce, byte[] ciphertext) {
        if (masterKeyId == null || masterKeyId.isBlank() || masterKeyId.length() > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("masterKeyId must be 1 to " + MAX_KEY_ID_LENGTH + " characters");
        }
        if (nonce == null || nonce.length == 0) {
            throw new IllegalArgumentException("nonce must not be empty");
        }
        if (ciphertext == null || ciphertext.length == 0) {
            throw new IllegalArgumentException("ciphertext must not be empty");
        }
        this.masterKeyId = masterKeyId;
        this.nonce = Base64.getEncoder().encodeToString(nonce);
        this.ciphertext = Base64.getEncoder().encodeToString(ciphertext);
        if (this.ciphertext.length() > 4000) {
            throw new IllegalArgumentException("ciphertext is too long to store");
        }
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public byte[] nonce() {
        return Base64.getDecoder().decode(nonce);
    }

    public byte[] ciphertext() {
        return Base64.getDecoder().decode(ciphertext);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof EncryptedSecret that
                        && masterKeyId.equals(that.masterKeyId)
                        && Arrays.equals(nonce(), that.nonce())
                        && ciphertext.equals(that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masterKeyId, nonce, ciphertext);
    }

    /** Names the master key and the size; never the bytes. */
    @Override
    public String toString() {
        return "EncryptedSecret[masterKey=" + masterKeyId + ", " + ciphertext().length + " bytes]";
    }
}
