package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

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
 * left alone and reported as not moved, a changed one has its secrets replaced. Every write is audited as the
 * importing admin (provider, label and last four only), in the run's transaction.
 */
final class VaultSecretSink implements SecretSink {

    private final ApiCredentials credentials;
    private final AuditLog auditLog;
    private final String actor;

    VaultSecretSink(ApiCredentials credentials, AuditLog auditLog, String actor) {
        this.credentials = credentials;
        this.auditLog = auditLog;
        this.actor = actor;
    }

    @Override
    public boolean holds(String provider, String label, String secret) {
        return existing(provider, label)
                .filter(summary -> credentials.holdsSecret(summary.id(), secret))
                .isPresent();
    }

    @Override
    public void store(String provider, String label, String secret) {
        store(provider, label, secret, null);
    }

    @Override
    public void store(String provider, String label, String secret, String endpoint) {
        Optional<CredentialSummary> existing = existing(provider, label);
        if (existing.isPresent()) {
            if (!credentials.holdsSecret(existing.get().id(), secret)) {
                // The vault audits its own change (without the secret).
                credentials.replaceSecrets(actor, existing.get().id(), secret);
            }
            return;
        }
        if (endpoint != null) {
            credentials.create(actor, new NewCredential(provider, label, endpoint, List.of(secret)));
            return;
        }
        // The importer's provider-endpoint path is the vault's system write: audit it here as the importing admin.
        CredentialSummary stored = credentials.store(provider, label, secret);
        auditLog.record(
                actor,
                "IMPORT_KEY",
                "ApiCredential",
                String.valueOf(stored.id()),
                null,
                JSON.createObjectBuilder()
                        .add("provider", stored.provider())
                        .add("label", stored.label())
                        .add("lastFour", String.join(",", stored.lastFours()))
                        .build()
                        .toString());
    }

    private Optional<CredentialSummary> existing(String provider, String label) {
        return credentials.list().stream()
                .filter(summary -> summary.provider().equalsIgnoreCase(provider)
                        && summary.label().equals(label))
                .findFirst();
    }
}
