package io.llmadmin.web.admin;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A gateway key as the admin API shows it: never the token's hash, and the token itself only in the answer to its
 * creation or regeneration ({@code token} is left out otherwise). {@code status} is {@code active}, {@code expired}
 * or {@code revoked}.
 */
@JsonbPropertyOrder({
    "id",
    "name",
    "tokenStart",
    "token",
    "allowedModels",
    "limits",
    "status",
    "revoked",
    "createdAt",
    "revokedAt",
    "expiresAt",
    "lastUsedAt",
    "version"
})
public record GatewayKeyResponse(
        long id,
        String name,
        String tokenStart,
        String token,
        List<String> allowedModels,
        GatewayKeyLimits limits,
        String status,
        boolean revoked,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        long version) {

    public static GatewayKeyResponse of(GatewayKeyView key) {
        return withToken(key, null);
    }

    /** The answer to a creation: the only one that carries the token. */
    public static GatewayKeyResponse withToken(GatewayKeyView key, String token) {
        return new GatewayKeyResponse(
                key.id(),
                key.name(),
                key.tokenStart(),
                token,
                key.allowedModels(),
                key.limits(),
                key.status(),
                key.revoked(),
                key.createdAt(),
                key.revokedAt(),
                key.expiresAt(),
                key.lastUsedAt(),
                key.version());
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "GatewayKeyResponse[" + id + ", " + name + ", " + tokenStart + "...]";
    }
}
