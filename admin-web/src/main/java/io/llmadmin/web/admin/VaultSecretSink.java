package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.SecretSink;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.NewCredential;
import java.util.List;
import java.util.Optional;

/**
 * Where the importer puts the API keys it finds: the encrypted vault, each as a credential for the endpoint of the
 * legacy row it belonged to (the provider's official endpoint when the row named none), never as a provider-wide key.
 * Re-running an import hands the same keys over again; a credential already stored under the same provider and label
 * that holds exactly this secret (compared in full, by its keyed fingerprint, never by the last four characters) is
 * left alone, a changed one has its secrets replaced.
 */
final class VaultSecretSink implements SecretSink {

    private final ApiCredentials credentials;

    VaultSecretSink(ApiCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void store(String provider, String label, String secret) {
        store(provider, label, secret, null);
    }

    @Override
    public void store(String provider, String label, String secret, String endpoint) {
        Optional<CredentialSummary> existing = credentials.list().stream()
                .filter(summary -> summary.provider().equalsIgnoreCase(provider)
                        && summary.label().equals(label))
                .findFirst();
        if (existing.isPresent()) {
            if (!credentials.holdsSecret(existing.get().id(), secret)) {
                credentials.replaceSecrets(AuditLog.SYSTEM_ACTOR, existing.get().id(), secret);
            }
            return;
        }
        if (endpoint == null) {
            credentials.store(provider, label, secret);
        } else {
            credentials.create(AuditLog.SYSTEM_ACTOR, new NewCredential(provider, label, endpoint, List.of(secret)));
        }
    }
}
