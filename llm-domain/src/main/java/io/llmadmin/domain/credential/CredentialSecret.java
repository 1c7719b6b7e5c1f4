package io.llmadmin.domain.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One secret of a credential, as stored: sealed under a master key, with the last four characters people may see and
 * a keyed fingerprint of the whole secret. The fingerprint (an HMAC under a key derived from the master key, never a
 * plain hash) lets the vault tell whether a secret offered again is the one it holds, without decrypting and without
 * trusting the last four characters, which two different keys may share.
 */
@Embeddable
public class CredentialSecret {

    /** The longest fingerprint stored: Base64 of a 256-bit MAC. */
    public static final int MAX_FINGERPRINT_LENGTH = 64;

    @Embedded
    private EncryptedSecret sealed;

    @Column(name = "last_four", nullable = false, length = 4)
    private String lastFour;

    /** Null only for a secret stored before fingerprints existed; the vault then compares by decrypting. */
    @Column(name = "fingerprint", length = MAX_FINGERPRINT_LENGTH)
    private String fingerprint;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    /** For JPA only. */
    protected CredentialSecret() {}

    /**
     * @param sealed the secret, encrypted
     * @param lastFour at most its last four characters
     * @param fingerprint its keyed fingerprint (Base64), or null
     * @param addedAt when it was added
     */
    public CredentialSecret(EncryptedSecret sealed, String lastFour, String fingerprint, OffsetDateTime addedAt) {
        this.sealed = Objects.requireNonNull(sealed, "sealed");
        if (lastFour == null || lastFour.length() > 4) {
            throw new IllegalArgumentException("lastFour must be at most 4 characters");
        }
        if (fingerprint != null && fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            throw new IllegalArgumentException("fingerprint must be at most " + MAX_FINGERPRINT_LENGTH + " characters");
        }
        this.lastFour = lastFour;
        this.fingerprint = fingerprint;
        this.addedAt = Objects.requireNonNull(addedAt, "addedAt");
    }

    /** The same secret sealed anew (master-key rotation), with its fingerprint under the new master key. */
    public CredentialSecret resealed(EncryptedSecret newSealed, String newFingerprint) {
        return new CredentialSecret(newSealed, lastFour, newFingerprint, addedAt);
    }

    public EncryptedSecret sealed() {
        return sealed;
    }

    public String lastFour() {
        return lastFour;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public OffsetDateTime addedAt() {
        return addedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CredentialSecret that && sealed.equals(that.sealed);
    }

    @Override
    public int hashCode() {
        return sealed.hashCode();
    }

    /** Only what the console shows. */
    @Override
    public String toString() {
        return "CredentialSecret[****" + lastFour + ", " + sealed + "]";
    }
}
