package io.llmadmin.services.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's keys. {@link #issue} returns the token once and stores only its SHA-256 hash; nothing else ever returns
 * the token or the hash. Changes are audited (name, allowed models, limits, state; never the token) and may throw
 * {@link io.llmadmin.services.changes.InvalidChangeException} (naming the field), {@link
 * io.llmadmin.services.changes.ConflictingChangeException} (a taken name) or {@link
 * io.llmadmin.services.changes.UnknownEntityException}.
 */
public interface GatewayKeys {

    /** The audit entity type of gateway keys. */
    String ENTITY_TYPE = "GatewayKey";

    /**
     * Issues a new key.
     *
     * @param actor who issues it, for the audit log
     * @param name a unique name, 1 to 100 characters; usage is recorded as {@code gateway:<name>}
     * @param allowedModels the catalog ids it may call; empty for every model
     * @param limits its own per-minute limits (0 = unlimited)
     * @return the key and its token, which exists nowhere else from now on
     */
    IssuedGatewayKey issue(String actor, String name, List<String> allowedModels, GatewayKeyLimits limits);

    /** Every key, newest first, revoked ones included. */
    List<GatewayKeyView> list();

    Optional<GatewayKeyView> find(long id);

    /** Revokes a key for good; revoking a revoked key changes nothing and is not audited again. */
    GatewayKeyView revoke(String actor, long id);

    /**
     * The key a bearer token belongs to, when it is one of ours and not revoked.
     *
     * @param bearerToken the token as presented (without {@code Bearer }); may be null
     */
    Optional<GatewayKeyView> authenticate(String bearerToken);
}
