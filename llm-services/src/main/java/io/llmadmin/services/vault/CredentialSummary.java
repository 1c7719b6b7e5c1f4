package io.llmadmin.services.vault;

import java.time.OffsetDateTime;

/**
 * What may be shown of a stored API key: never the key, only its last four characters.
 *
 * @param id the credential's id
 * @param provider the provider id, lower-case
 * @param label the name given to this key
 * @param lastFour the key's last four characters
 * @param enabled whether it is handed out
 * @param masterKeyId the id (a digest, not the key) of the master key it is encrypted under
 * @param createdAt when it was stored
 * @param updatedAt when it was last changed (enabled, disabled, re-encrypted)
 * @param version the optimistic-lock version
 */
public record CredentialSummary(
        long id,
        String provider,
        String label,
        String lastFour,
        boolean enabled,
        String masterKeyId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {}
