package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real {@link JpaCredentialStore} with the real audit log, each call in its own resource-local transaction and
 * entity manager, as the container's {@code @Transactional} and transaction-scoped entity manager do in Liberty:
 * commit on return, roll back on an exception.
 */
final class ResourceLocalCredentialStore implements CredentialStore {

    private final EntityManagerFactory factory;

    ResourceLocalCredentialStore(EntityManagerFactory factory) {
        this.factory = factory;
    }

    private <T> T inTransaction(Function<JpaCredentialStore, T> work) {
        return ResourceLocalTransactions.inTransaction(
                factory,
                entityManager -> work.apply(new JpaCredentialStore(entityManager, new JpaAuditLog(entityManager))));
    }

    @Override
    public ApiCredential add(ApiCredential credential, String actor) {
        return inTransaction(store -> store.add(credential, actor));
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
    public Optional<ApiCredential> change(long id, String actor, String action, Consumer<ApiCredential> change) {
        return inTransaction(store -> store.change(id, actor, action, change));
    }

    @Override
    public boolean delete(long id, String actor) {
        return inTransaction(store -> store.delete(id, actor));
    }

    @Override
    public List<String> modelsUsing(long id) {
        return inTransaction(store -> store.modelsUsing(id));
    }

    @Override
    public int reencryptAll(BiFunction<ApiCredential, CredentialSecret, CredentialSecret> reseal, String actor) {
        return inTransaction(store -> store.reencryptAll(reseal, actor));
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return inTransaction(JpaCredentialStore::masterKeyIdsInUse);
    }
}
