package io.llmadmin.services.vault;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What may be shown of a credential: never a secret, only the last four characters of each.
 *
 * @param id the credential's id
 * @param provider the provider id, lower-case
 * @param label its name, unique per provider
 * @param baseUrl the endpoint its secrets may be sent to; null when not bound yet (migrated from per-provider keys)
 * @param lastFours the last four characters of each secret, in the order calls use them
 * @param enabled whether calls use it
 * @param masterKeyId the id (a digest, not the key) of the master key its first secret is encrypted under
 * @param createdBy who created it (null for keys stored before this was recorded)
 * @param createdAt when it was created
 * @param rotatedBy who last added or replaced a secret, or null
 * @param rotatedAt when, or null
 * @param updatedAt when it last changed
 * @param version the optimistic-lock version
 */
public record CredentialSummary(
        long id,
        String provider,
        String label,
        String baseUrl,
        List<String> lastFours,
        boolean enabled,
        String masterKeyId,
        String createdBy,
        OffsetDateTime createdAt,
        String rotatedBy,
        OffsetDateTime rotatedAt,
        OffsetDateTime updatedAt,
        long version) {

    public CredentialSummary {
        lastFours = List.copyOf(lastFours);
    }

    /** {@code provider/label}, how people tell credentials apart. */
    public String displayName() {
        return provider + "/" + label;
    }
}
