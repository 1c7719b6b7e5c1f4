package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.EncryptedSecret;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The real {@link JpaCredentialStore}, each call in its own resource-local transaction and entity manager, as the
 * container's {@code @Transactional} and transaction-scoped entity manager do in Liberty: commit on return, roll back
 * on an exception.
 */
final class ResourceLocalCredentialStore implements CredentialStore {

    private final EntityManagerFactory factory;

    ResourceLocalCredentialStore(EntityManagerFactory factory) {
        this.factory = factory;
    }

    private <T> T inTransaction(Function<JpaCredentialStore, T> work) {
        return ResourceLocalTransactions.inTransaction(
                factory, entityManager -> work.apply(new JpaCredentialStore(entityManager)));
    }

    @Override
    public ApiCredential add(ApiCredential credential) {
        return inTransaction(store -> store.add(credential));
    }

    @Override
    public List<ApiCredential> all() {
        return inTransaction(JpaCredentialStore::all);
    }

    @Override
    public Optional<ApiCredential> byId(long id) {
        return inTransaction(store -> store.byId(id));
    }

    @Override
    public List<ApiCredential> enabled(String provider) {
        return inTransaction(store -> store.enabled(provider));
    }

    @Override
    public Optional<ApiCredential> setEnabled(long id, boolean enabled) {
        return inTransaction(store -> store.setEnabled(id, enabled));
    }

    @Override
    public boolean delete(long id) {
        return inTransaction(store -> store.delete(id));
    }

    @Override
    public int reencryptAll(Function<ApiCredential, EncryptedSecret> reseal) {
        return inTransaction(store -> store.reencryptAll(reseal));
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return inTransaction(JpaCredentialStore::masterKeyIdsInUse);
    }
}
