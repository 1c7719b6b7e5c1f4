package io.llmadmin.services.gateway;

import io.llmadmin.domain.gateway.GatewayKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What may be known of a gateway key: never its token or the token's hash.
 *
 * @param id the key's id
 * @param name its unique name
 * @param tokenStart the token's first characters, to recognise it
 * @param allowedModels the catalog ids it may call; empty means every model
 * @param limits its own per-minute limits
 * @param revoked whether it was revoked
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or null
 * @param expiresAt when it stops working, or null for never
 * @param lastUsedAt when it last opened the gateway (to the minute), or null for never
 * @param version its version, for changes that must not overwrite someone else's
 */
public record GatewayKeyView(
        long id,
        String name,
        String tokenStart,
        List<String> allowedModels,
        GatewayKeyLimits limits,
        boolean revoked,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        long version) {

    public GatewayKeyView {
        allowedModels = List.copyOf(allowedModels);
    }

    public static GatewayKeyView of(GatewayKey key) {
        return new GatewayKeyView(
                key.id(),
                key.name(),
                key.tokenStart(),
                key.allowedModels(),
                new GatewayKeyLimits(
                        key.limitRequestsPerMinute(),
                        key.limitInputTokensPerMinute(),
                        key.limitOutputTokensPerMinute()),
                key.revoked(),
                key.createdAt(),
                key.revokedAt(),
                key.expiresAt(),
                key.lastUsedAt(),
                key.version());
    }

    /** Whether the key has expired by now. */
    public boolean expired() {
        return expiresAt != null && !OffsetDateTime.now(ZoneOffset.UTC).isBefore(expiresAt);
    }

    /** {@code revoked}, {@code expired} or {@code active}. */
    public String status() {
        if (revoked) {
            return "revoked";
        }
        return expired() ? "expired" : "active";
    }

    /** Whether the key may call this model (it works, and its allow-list is empty or names it). */
    public boolean allowsModel(String catalogId) {
        return !revoked && !expired() && (allowedModels.isEmpty() || allowedModels.contains(catalogId));
    }

    /** The caller recorded with every call made with this key. */
    public String caller() {
        return "gateway:" + name;
    }
}
