package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.EncryptedSecret;
import io.llmadmin.services.vault.DuplicateCredentialException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The credentials in the {@code api_credential} table. Every method, reads included, runs in a JTA transaction (its
 * own, or the caller's): outside one, Liberty binds the entity manager to the request's local transaction context, so
 * an entity read earlier in the same request would stay managed and hide a change committed since (a rotation, say).
 */
@ApplicationScoped
@Transactional
public class JpaCredentialStore implements CredentialStore {

    private final EntityManager entityManager;

    @Inject
    public JpaCredentialStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaCredentialStore() {
        this(null);
    }

    @Override
    public ApiCredential add(ApiCredential credential) {
        boolean taken = !entityManager
                .createQuery(
                        "SELECT c.id FROM ApiCredential c WHERE c.provider = :provider AND c.label = :label",
                        Long.class)
                .setParameter("provider", credential.provider())
                .setParameter("label", credential.label())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new DuplicateCredentialException(credential.provider(), credential.label());
        }
        entityManager.persist(credential);
        entityManager.flush();
        return credential;
    }

    @Override
    public List<ApiCredential> all() {
        return entityManager
                .createQuery("SELECT c FROM ApiCredential c ORDER BY c.provider, c.label, c.id", ApiCredential.class)
                .getResultList();
    }

    @Override
    public Optional<ApiCredential> byId(long id) {
        return Optional.ofNullable(entityManager.find(ApiCredential.class, id));
    }

    @Override
    public List<ApiCredential> enabled(String provider) {
        return entityManager
                .createQuery(
                        "SELECT c FROM ApiCredential c WHERE c.provider = :provider AND c.enabled = TRUE ORDER BY c.id",
                        ApiCredential.class)
                .setParameter("provider", provider)
                .getResultList();
    }

    @Override
    public Optional<ApiCredential> setEnabled(long id, boolean enabled) {
        ApiCredential credential = entityManager.find(ApiCredential.class, id);
        if (credential == null) {
            return Optional.empty();
        }
        if (enabled) {
            credential.enable();
        } else {
            credential.disable();
        }
        entityManager.flush();
        return Optional.of(credential);
    }

    @Override
    public boolean delete(long id) {
        ApiCredential credential = entityManager.find(ApiCredential.class, id);
        if (credential == null) {
            return false;
        }
        entityManager.remove(credential);
        return true;
    }

    @Override
    public int reencryptAll(Function<ApiCredential, EncryptedSecret> reseal) {
        List<ApiCredential> credentials = entityManager
                .createQuery("SELECT c FROM ApiCredential c ORDER BY c.id", ApiCredential.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ApiCredential credential : credentials) {
            credential.reencrypt(reseal.apply(credential));
            // Written row by row: a failure part-way is undone by the transaction's rollback, never left half-done.
            entityManager.flush();
        }
        return credentials.size();
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return new HashSet<>(entityManager
                .createQuery("SELECT DISTINCT c.secret.masterKeyId FROM ApiCredential c", String.class)
                .getResultList());
    }
}
