package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.EncryptedSecret;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A store with nothing in it: the vault then answers from the environment alone. */
final class NoStoredCredentials implements CredentialStore {

    @Override
    public ApiCredential add(ApiCredential credential) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<ApiCredential> all() {
        return List.of();
    }

    @Override
    public Optional<ApiCredential> byId(long id) {
        return Optional.empty();
    }

    @Override
    public List<ApiCredential> enabled(String provider) {
        return List.of();
    }

    @Override
    public Optional<ApiCredential> setEnabled(long id, boolean enabled) {
        return Optional.empty();
    }

    @Override
    public boolean delete(long id) {
        return false;
    }

    @Override
    public int reencryptAll(Function<ApiCredential, EncryptedSecret> reseal) {
        return 0;
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return Set.of();
    }
}
