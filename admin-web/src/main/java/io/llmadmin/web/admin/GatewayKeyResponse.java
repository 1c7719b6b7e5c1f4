package io.llmadmin.web.admin;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A gateway key as the admin API shows it: never the token's hash, and the token itself only in the answer to its
 * creation ({@code token} is left out otherwise).
 */
@JsonbPropertyOrder({"id", "name", "tokenStart", "token", "allowedModels", "limits", "revoked", "createdAt", "revokedAt"
})
public record GatewayKeyResponse(
        long id,
        String name,
        String tokenStart,
        String token,
        List<String> allowedModels,
        GatewayKeyLimits limits,
        boolean revoked,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt) {

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
                key.revoked(),
                key.createdAt(),
                key.revokedAt());
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "GatewayKeyResponse[" + id + ", " + name + ", " + tokenStart + "...]";
    }
}
