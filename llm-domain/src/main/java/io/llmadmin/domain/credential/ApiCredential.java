package io.llmadmin.domain.credential;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API key of one provider, as the vault keeps it: encrypted under a master key, with a label people chose and the
 * last four characters they may see. A provider may have several; the enabled ones are handed out in turn.
 *
 * <p>The key itself is never held here in clear: {@link #encryptedSecret()} is ciphertext, and {@link #toString()}
 * shows only what the console shows. Re-encrypting under a new master key ({@link #reencrypt(EncryptedSecret)}) is the
 * only way the stored secret changes; a different key is a new credential.
 */
@Entity
@Cacheable(false)
@Table(name = "api_credential")
public class ApiCredential {

    /** A provider id: the same lower-case routing id a {@code ModelConfiguration} names. */
    public static final Pattern PROVIDER_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    public static final int MAX_LABEL_LENGTH = 100;

    @Id
    @SequenceGenerator(name = "api_credential_seq", sequenceName = "api_credential_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_credential_seq")
    private Long id;

    @Column(name = "provider", nullable = false, length = 50)
    private String provider;

    @Column(name = "label", nullable = false, length = MAX_LABEL_LENGTH)
    private String label;

    @Embedded
    private EncryptedSecret secret;

    @Column(name = "last_four", nullable = false, length = 4)
    private String lastFour;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ApiCredential() {}

    /**
     * A new, enabled credential.
     *
     * @param provider the provider id, matched case-insensitively and stored lower-case
     * @param label what people call this key ("production", "team-a"); unique per provider
     * @param secret the key, already encrypted
     * @param lastFour at most the last four characters of the key, for display
     */
    public ApiCredential(String provider, String label, EncryptedSecret secret, String lastFour) {
        this.provider = normaliseProvider(provider);
        this.label = normaliseLabel(label);
        this.secret = Objects.requireNonNull(secret, "secret");
        if (lastFour == null || lastFour.length() > 4) {
            throw new IllegalArgumentException("lastFour must be at most 4 characters");
        }
        this.lastFour = lastFour;
        this.enabled = true;
    }

    /**
     * The stored form of a provider id: trimmed and lower-case.
     *
     * @throws IllegalArgumentException naming {@code provider} when it is blank or not a slug
     */
    public static String normaliseProvider(String provider) {
        String normalised = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDER_PATTERN.matcher(normalised).matches()) {
            throw new IllegalArgumentException(
                    "provider must be 1 to 50 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return normalised;
    }

    private static String normaliseLabel(String label) {
        String trimmed = label == null ? "" : label.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must be 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        return trimmed;
    }

    @PrePersist
    void onCreate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }

    /** Replaces the stored ciphertext with the same key sealed under another master key (master-key rotation). */
    public void reencrypt(EncryptedSecret resealed) {
        this.secret = Objects.requireNonNull(resealed, "resealed");
    }

    public Long id() {
        return id;
    }

    public String provider() {
        return provider;
    }

    public String label() {
        return label;
    }

    /** The ciphertext and the id of its master key; decrypted only by the vault. */
    public EncryptedSecret encryptedSecret() {
        return secret;
    }

    public String lastFour() {
        return lastFour;
    }

    public boolean enabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** Same provider and label; both never change. */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof ApiCredential that && provider.equals(that.provider) && label.equals(that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, label);
    }

    /** What the console may show: never the key, only its last four characters. */
    @Override
    public String toString() {
        return "ApiCredential[" + id + ", " + provider + "/" + label + ", ****" + lastFour
                + (enabled ? ", enabled" : ", disabled") + "]";
    }
}
