package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.SecretSink;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialSummary;
import java.util.Optional;

/**
 * Where the importer puts the API keys it finds: the encrypted vault. Re-running an import hands the same keys over
 * again; a key already stored under the same provider and label with the same last four characters is left alone, a
 * changed one replaces it.
 */
final class VaultSecretSink implements SecretSink {

    private final ApiCredentials credentials;

    VaultSecretSink(ApiCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void store(String provider, String label, String secret) {
        Optional<CredentialSummary> existing = credentials.list().stream()
                .filter(summary -> summary.provider().equalsIgnoreCase(provider)
                        && summary.label().equals(label))
                .findFirst();
        if (existing.isPresent()) {
            if (existing.get().lastFour().equals(lastFour(secret))) {
                return;
            }
            credentials.delete(existing.get().id());
        }
        credentials.store(provider, label, secret);
    }

    private static String lastFour(String secret) {
        return secret.length() <= 4 ? secret : secret.substring(secret.length() - 4);
    }
}
