package io.llmadmin.services.gateway;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The gateway's keys. {@link #issue} and {@link #regenerate} return the token once and store only its SHA-256 hash;
 * nothing else ever returns the token or the hash. A key's allowed models must exist in the registry when they are
 * set. Changes are audited (name, allowed models, limits, expiry, state; never the token) and may throw {@link
 * io.llmadmin.services.changes.InvalidChangeException} (naming the field), {@link
 * io.llmadmin.services.changes.ConflictingChangeException} (a taken name, a change a revoked key cannot take), {@link
 * io.llmadmin.services.changes.StaleVersionException} or {@link io.llmadmin.services.changes.UnknownEntityException}.
 */
public interface GatewayKeys {

    /** The audit entity type of gateway keys. */
    String ENTITY_TYPE = "GatewayKey";

    /**
     * Issues a new key that never expires.
     *
     * @see #issue(String, String, List, GatewayKeyLimits, OffsetDateTime)
     */
    default IssuedGatewayKey issue(String actor, String name, List<String> allowedModels, GatewayKeyLimits limits) {
        return issue(actor, name, allowedModels, limits, null);
    }

    /**
     * Issues a new key.
     *
     * @param actor who issues it, for the audit log
     * @param name a unique name, 1 to 100 characters; usage is recorded as {@code gateway:<name>}
     * @param allowedModels the catalog ids it may call, each an existing model; empty for every model
     * @param limits its own per-minute limits (0 = unlimited)
     * @param expiresAt when it stops working (in the future), or null for never
     * @return the key and its token, which exists nowhere else from now on
     */
    IssuedGatewayKey issue(
            String actor, String name, List<String> allowedModels, GatewayKeyLimits limits, OffsetDateTime expiresAt);

    /**
     * Changes what a key may do: its allowed models, limits and expiry (all three replaced). A revoked key cannot be
     * changed.
     *
     * @param expectedVersion the version the change was made on, when known: another version is a stale change
     */
    GatewayKeyView change(
            String actor,
            long id,
            List<String> allowedModels,
            GatewayKeyLimits limits,
            OffsetDateTime expiresAt,
            OptionalLong expectedVersion);

    /** Gives a key a new token (the old one stops working at once); refused for a revoked key. */
    IssuedGatewayKey regenerate(String actor, long id);

    /** Every key, newest first, revoked ones included. */
    List<GatewayKeyView> list();

    Optional<GatewayKeyView> find(long id);

    /** Revokes a key for good; revoking a revoked key changes nothing and is not audited again. */
    GatewayKeyView revoke(String actor, long id);

    /** Deletes a revoked key (its audit trail stays); a key that still works must be revoked first. */
    void delete(String actor, long id);

    /**
     * The key a bearer token belongs to, when it is one of ours, not revoked and not expired; notes that it was used.
     *
     * @param bearerToken the token as presented (without {@code Bearer }); may be null
     */
    Optional<GatewayKeyView> authenticate(String bearerToken);
}
