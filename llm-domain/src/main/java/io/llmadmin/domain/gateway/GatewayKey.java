package io.llmadmin.domain.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A key an application presents to the gateway (the OpenAI-compatible API) instead of a provider's key. Only the
 * SHA-256 hash of the token is stored, with its first characters for people to recognise it; the token itself is shown
 * once, when {@link #issue issued}. A key may be limited to some models and to per-minute amounts, and once revoked it
 * never works again.
 */
@Entity
@Table(name = "gateway_key")
public class GatewayKey {

    /** Every token starts with this, so a leaked one is easy to recognise and to scan for. */
    public static final String TOKEN_PREFIX = "llmk_";

    private static final int SHOWN_CHARACTERS = 12;

    @Id
    @SequenceGenerator(name = "gateway_key_seq", sequenceName = "gateway_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gateway_key_seq")
    private Long id;

    @Column(name = "name", nullable = false, unique = true, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "token_start", nullable = false, length = 16)
    private String tokenStart;

    /** Catalog ids joined by commas; null means every model. */
    @Column(name = "allowed_models", length = 4000)
    private String allowedModels;

    @Column(name = "limit_requests", nullable = false)
    private int limitRequestsPerMinute;

    @Column(name = "limit_input_tokens", nullable = false)
    private int limitInputTokensPerMinute;

    @Column(name = "limit_output_tokens", nullable = false)
    private int limitOutputTokensPerMinute;

    @Column(name = "revoked", nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** From this instant on the key no longer works; null: never. */
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    /** When the key last opened the gateway (kept to the minute by the service, outside the version). */
    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected GatewayKey() {}

    private GatewayKey(String name, String token) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        this.name = name;
        useToken(token);
    }

    private void useToken(String token) {
        this.tokenHash = hash(token);
        this.tokenStart = token.substring(0, SHOWN_CHARACTERS);
    }

    private static String newToken(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * A new key with a random token, allowed every model, unlimited.
     *
     * @return the key to store and the token to show once
     */
    public static Issued issue(String name, SecureRandom random) {
        String token = newToken(random);
        return new Issued(new GatewayKey(name, token), token);
    }

    /**
     * Gives the key a new random token: the old one stops working at once. A revoked key stays revoked.
     *
     * @return the new token, to show once
     */
    public String regenerate(SecureRandom random) {
        if (revoked) {
            throw new IllegalStateException("a revoked key cannot get a new token");
        }
        String token = newToken(random);
        useToken(token);
        return token;
    }

    /** Sets when the key stops working; null: never. */
    public void expireAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** Whether the key has expired at this instant. */
    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The SHA-256 of a token, in lower-case hex: what is stored and looked up. */
    public static String hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Limits the key to these catalog ids; an empty list allows every model. */
    public void allowModels(List<String> catalogIds) {
        Objects.requireNonNull(catalogIds, "allowedModels");
        for (String id : catalogIds) {
            if (id == null || id.isBlank() || id.contains(",")) {
                throw new IllegalArgumentException("allowed model '" + id + "' is not a catalog id");
            }
        }
        this.allowedModels = catalogIds.isEmpty() ? null : String.join(",", new LinkedHashSet<>(catalogIds));
    }

    /** Sets the per-minute limits; 0 means unlimited, a negative value is refused. */
    public void limitPerMinute(int requests, int inputTokens, int outputTokens) {
        if (requests < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = unlimited)");
        }
        this.limitRequestsPerMinute = requests;
        this.limitInputTokensPerMinute = inputTokens;
        this.limitOutputTokensPerMinute = outputTokens;
    }

    /** Stops the key from working, for good. Revoking twice keeps the first time. */
    public void revoke() {
        if (!revoked) {
            revoked = true;
            revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    /** Whether this key, as presented, opens the gateway for this model. */
    public boolean allows(String presentedToken, String catalogId) {
        return matches(presentedToken)
                && (allowedModels == null || allowedModels().contains(catalogId));
    }

    /**
     * Whether the presented token is this key's and the key still works, whatever the model: the hashes are compared
     * in constant time.
     */
    public boolean matches(String presentedToken) {
        if (revoked || presentedToken == null || expiredAt(OffsetDateTime.now(ZoneOffset.UTC))) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(presentedToken).getBytes(StandardCharsets.US_ASCII),
                tokenHash.getBytes(StandardCharsets.US_ASCII));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
    }

    /** The token's first characters ({@code llmk_AbCdEfG}), enough to recognise it, too few to use it. */
    public String tokenStart() {
        return tokenStart;
    }

    /** The allowed catalog ids; empty means every model. */
    public List<String> allowedModels() {
        return allowedModels == null ? List.of() : List.copyOf(Arrays.asList(allowedModels.split(",")));
    }

    public int limitRequestsPerMinute() {
        return limitRequestsPerMinute;
    }

    public int limitInputTokensPerMinute() {
        return limitInputTokensPerMinute;
    }

    public int limitOutputTokensPerMinute() {
        return limitOutputTokensPerMinute;
    }

    public boolean revoked() {
        return revoked;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof GatewayKey that && tokenHash.equals(that.tokenHash);
    }

    @Override
    public int hashCode() {
        return tokenHash.hashCode();
    }

    /** Names the key and its visible start; never the hash or the token. */
    @Override
    public String toString() {
        return "GatewayKey[" + name + ", " + tokenStart + "..., " + (revoked ? "revoked" : "active") + "]";
    }

    /**
     * A key just issued, and its token: the only moment the token exists outside the client.
     *
     * @param key the key to store
     * @param token the token to hand to the client once
     */
    public record Issued(GatewayKey key, String token) {
        /** Never shows the token. */
        @Override
        public String toString() {
            return "Issued[" + key + "]";
        }
    }
}
