package io.llmadmin.web.admin;

import io.llmadmin.services.vault.CredentialSummary;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credential as the admin API shows it: never a secret, only the last four characters of each ({@code ****abcd}).
 *
 * @param usedBy the catalog ids of the models that name it
 */
@JsonbPropertyOrder({
    "id",
    "name",
    "provider",
    "baseUrl",
    "secrets",
    "enabled",
    "usedBy",
    "createdBy",
    "createdAt",
    "rotatedBy",
    "rotatedAt",
    "updatedAt",
    "version"
})
public record CredentialResponse(
        long id,
        String name,
        String provider,
        String baseUrl,
        List<String> secrets,
        boolean enabled,
        List<String> usedBy,
        String createdBy,
        OffsetDateTime createdAt,
        String rotatedBy,
        OffsetDateTime rotatedAt,
        OffsetDateTime updatedAt,
        long version) {

    static CredentialResponse of(CredentialSummary summary, List<String> usedBy) {
        return new CredentialResponse(
                summary.id(),
                summary.label(),
                summary.provider(),
                summary.baseUrl(),
                summary.lastFours().stream().map(last -> "****" + last).toList(),
                summary.enabled(),
                usedBy,
                summary.createdBy(),
                summary.createdAt(),
                summary.rotatedBy(),
                summary.rotatedAt(),
                summary.updatedAt(),
                summary.version());
    }
}
