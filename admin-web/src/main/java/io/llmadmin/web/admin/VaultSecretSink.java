package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.SecretSink;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialSummary;
import jakarta.json.Json;
import java.util.Optional;

/**
 * Where the importer puts the API keys it finds: the encrypted vault. Re-running an import hands the same keys over
 * again; a key already stored under the same provider and label with the same last four characters is left alone (and
 * reported as not moved), a changed one replaces it. Every write is audited (provider, label and last four only), in
 * the run's transaction.
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
                .filter(summary -> summary.lastFour().equals(lastFour(secret)))
                .isPresent();
    }

    @Override
    public void store(String provider, String label, String secret) {
        Optional<CredentialSummary> existing = existing(provider, label);
        if (existing.isPresent()) {
            if (existing.get().lastFour().equals(lastFour(secret))) {
                return;
            }
            credentials.delete(existing.get().id());
        }
        CredentialSummary stored = credentials.store(provider, label, secret);
        auditLog.record(
                actor,
                existing.isPresent() ? "IMPORT_KEY_REPLACE" : "IMPORT_KEY",
                "ApiCredential",
                String.valueOf(stored.id()),
                null,
                Json.createObjectBuilder()
                        .add("provider", stored.provider())
                        .add("label", stored.label())
                        .add("lastFour", stored.lastFour())
                        .build()
                        .toString());
    }

    private Optional<CredentialSummary> existing(String provider, String label) {
        return credentials.list().stream()
                .filter(summary -> summary.provider().equalsIgnoreCase(provider)
                        && summary.label().equals(label))
                .findFirst();
    }

    private static String lastFour(String secret) {
        return secret.length() <= 4 ? secret : secret.substring(secret.length() - 4);
    }
}
