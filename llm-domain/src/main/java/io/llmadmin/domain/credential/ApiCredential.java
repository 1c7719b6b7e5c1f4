package io.llmadmin.domain.credential;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A credential: the secret(s) of one provider endpoint, as the vault keeps them. It names the provider, the endpoint its
 * secrets may be sent to ({@link #baseUrl()}, see {@link ProviderEndpoints#allows}), and holds one or more secrets that
 * calls use in turn, each encrypted under a master key with the last four characters people may see. The label is
 * its name, unique per provider.
 *
 * <p>No secret is ever held here in clear, and {@link #toString()} shows only what the console shows. A credential
 * migrated from the time when keys were per provider may have no endpoint ({@code null}) when its provider has no
 * official one: such a credential is sent nowhere until an admin binds it ({@link #bindTo}).
 */
@Entity
@Cacheable(false)
@Table(name = "api_credential")
public class ApiCredential {

    /** A provider id: the same lower-case routing id a {@code ModelConfiguration} names. */
    public static final Pattern PROVIDER_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    public static final int MAX_LABEL_LENGTH = 100;

    public static final int MAX_BASE_URL_LENGTH = 500;

    /** How many secrets one credential may hold (they are used in turn). */
    public static final int MAX_SECRETS = 10;

    @Id
    @SequenceGenerator(name = "api_credential_seq", sequenceName = "api_credential_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_credential_seq")
    private Long id;

    @Column(name = "provider", nullable = false, length = 50)
    private String provider;

    @Column(name = "label", nullable = false, length = MAX_LABEL_LENGTH)
    private String label;

    @Column(name = "base_url", length = MAX_BASE_URL_LENGTH)
    private String baseUrl;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_credential_secret", joinColumns = @JoinColumn(name = "credential_id"))
    @OrderColumn(name = "secret_index")
    private List<CredentialSecret> secrets = new ArrayList<>();

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "rotated_by", length = 100)
    private String rotatedBy;

    @Column(name = "rotated_at")
    private OffsetDateTime rotatedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ApiCredential() {}

    /**
     * A new, enabled credential with one secret.
     *
     * @param provider the provider id, matched case-insensitively and stored lower-case
     * @param label its name ("production", "team-a"); unique per provider
     * @param baseUrl the endpoint its secrets may be sent to; null only when nothing may receive them yet
     * @param first its first secret, already sealed
     * @param createdBy who created it
     */
    public ApiCredential(String provider, String label, String baseUrl, CredentialSecret first, String createdBy) {
        this(provider, label, baseUrl, List.of(first), createdBy);
    }

    /**
     * A new, enabled credential with one or more secrets, used in this order.
     *
     * @throws IllegalArgumentException when there is none or more than {@link #MAX_SECRETS}
     */
    public ApiCredential(
            String provider, String label, String baseUrl, List<CredentialSecret> secrets, String createdBy) {
        this.provider = normaliseProvider(provider);
        this.label = normaliseLabel(label);
        this.baseUrl = checkBaseUrl(baseUrl);
        if (secrets.isEmpty() || secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("secrets must hold 1 to " + MAX_SECRETS + " secrets");
        }
        secrets.forEach(secret -> this.secrets.add(Objects.requireNonNull(secret, "secret")));
        this.createdBy = createdBy;
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

    private static String checkBaseUrl(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        ProviderEndpoints.problem(baseUrl).ifPresent(problem -> {
            throw new IllegalArgumentException("baseUrl " + problem);
        });
        String trimmed = baseUrl.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
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

    /**
     * Adds a secret, used in turn with the others.
     *
     * @throws IllegalStateException when it already holds {@link #MAX_SECRETS}
     */
    public void addSecret(CredentialSecret secret, String actor) {
        if (secrets.size() >= MAX_SECRETS) {
            throw new IllegalStateException("a credential holds at most " + MAX_SECRETS + " secrets");
        }
        secrets.add(Objects.requireNonNull(secret, "secret"));
        rotated(actor);
    }

    /** Replaces every secret with this one (a key rotated at the provider). */
    public void replaceSecrets(CredentialSecret secret, String actor) {
        Objects.requireNonNull(secret, "secret");
        secrets.clear();
        secrets.add(secret);
        rotated(actor);
    }

    private void rotated(String actor) {
        this.rotatedBy = actor;
        this.rotatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Binds a credential that has no endpoint yet (migrated from per-provider keys); an endpoint never changes. */
    public void bindTo(String endpoint) {
        if (this.baseUrl != null) {
            throw new IllegalStateException("the credential is bound to " + ProviderEndpoints.origin(this.baseUrl)
                    + " already; create another credential for another endpoint");
        }
        this.baseUrl = checkBaseUrl(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Replaces every stored ciphertext with the same secret sealed under another master key (rotation). */
    public void reencrypt(UnaryOperator<CredentialSecret> reseal) {
        secrets.replaceAll(secret -> Objects.requireNonNull(reseal.apply(secret), "resealed"));
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

    /** The endpoint its secrets may be sent to, without a trailing slash; null when not bound yet. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Its secrets in the order they are used; never empty. */
    public List<CredentialSecret> secrets() {
        return List.copyOf(secrets);
    }

    /** The last four characters of each secret, in order. */
    public List<String> lastFours() {
        return secrets.stream().map(CredentialSecret::lastFour).toList();
    }

    public boolean enabled() {
        return enabled;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String rotatedBy() {
        return rotatedBy;
    }

    public OffsetDateTime rotatedAt() {
        return rotatedAt;
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

    /** What the console may show: never a secret, only last four characters. */
    @Override
    public String toString() {
        return "ApiCredential[" + id + ", " + provider + "/" + label + ", "
                + (baseUrl == null ? "unbound" : ProviderEndpoints.origin(baseUrl)) + ", "
                + String.join(
                        " ", lastFours().stream().map(last -> "****" + last).toList())
                + (enabled ? ", enabled" : ", disabled") + "]";
    }
}
