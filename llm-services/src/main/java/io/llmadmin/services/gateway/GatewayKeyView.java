package io.llmadmin.services.gateway;

import io.llmadmin.domain.gateway.GatewayKey;
import java.time.OffsetDateTime;
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
 */
public record GatewayKeyView(
        long id,
        String name,
        String tokenStart,
        List<String> allowedModels,
        GatewayKeyLimits limits,
        boolean revoked,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt) {

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
                key.revokedAt());
    }

    /** Whether the key may call this model (its allow-list is empty or names it). */
    public boolean allowsModel(String catalogId) {
        return !revoked && (allowedModels.isEmpty() || allowedModels.contains(catalogId));
    }

    /** The caller recorded with every call made with this key. */
    public String caller() {
        return "gateway:" + name;
    }
}
