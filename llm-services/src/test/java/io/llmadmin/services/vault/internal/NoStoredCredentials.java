package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** A store with nothing in it: the vault then answers from the environment alone. */
final class NoStoredCredentials implements CredentialStore {

    @Override
    public ApiCredential add(ApiCredential credential, String actor) {
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
    public Optional<ApiCredential> change(long id, String actor, String action, Consumer<ApiCredential> change) {
        return Optional.empty();
    }

    @Override
    public boolean delete(long id, String actor) {
        return false;
    }

    @Override
    public List<String> modelsUsing(long id) {
        return List.of();
    }

    @Override
    public int reencryptAll(BiFunction<ApiCredential, CredentialSecret, CredentialSecret> reseal, String actor) {
        return 0;
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return Set.of();
    }
}
