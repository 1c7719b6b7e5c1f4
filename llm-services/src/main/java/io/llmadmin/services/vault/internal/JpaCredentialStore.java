package io.llmadmin.services.vault.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.DuplicateCredentialException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The credentials in the {@code api_credential} and {@code api_credential_secret} tables. Every method, reads included,
 * runs in a JTA transaction (its own, or the caller's): outside one, Liberty binds the entity manager to the request's
 * local transaction context, so an entity read earlier in the same request would stay managed and hide a change
 * committed since (a rotation, say). Each write records its audit event in its transaction; the snapshot names the
 * endpoint and last four characters, never a secret.
 */
@ApplicationScoped
@Transactional
public class JpaCredentialStore implements CredentialStore {

    private final EntityManager entityManager;
    private final AuditLog auditLog;

    @Inject
    public JpaCredentialStore(EntityManager entityManager, AuditLog auditLog) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected JpaCredentialStore() {
        this(null, null);
    }

    @Override
    public ApiCredential add(ApiCredential credential, String actor) {
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
        auditLog.record(
                actor, "CREATE", ApiCredentials.AUDIT_ENTITY_TYPE, entityId(credential), null, snapshot(credential));
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
    public Optional<ApiCredential> change(long id, String actor, String action, Consumer<ApiCredential> change) {
        ApiCredential credential = entityManager.find(ApiCredential.class, id);
        if (credential == null) {
            return Optional.empty();
        }
        String before = snapshot(credential);
        change.accept(credential);
        entityManager.flush();
        auditLog.record(
                actor, action, ApiCredentials.AUDIT_ENTITY_TYPE, entityId(credential), before, snapshot(credential));
        return Optional.of(credential);
    }

    @Override
    public boolean delete(long id, String actor) {
        ApiCredential credential = entityManager.find(ApiCredential.class, id);
        if (credential == null) {
            return false;
        }
        List<String> users = modelsUsing(id);
        if (!users.isEmpty()) {
            throw new ConflictingChangeException("Credential " + credential.provider() + "/" + credential.label()
                    + " is used by model(s) " + String.join(", ", users) + "; point them elsewhere first");
        }
        String before = snapshot(credential);
        entityManager.remove(credential);
        entityManager.flush();
        auditLog.record(actor, "DELETE", ApiCredentials.AUDIT_ENTITY_TYPE, entityId(credential), before, null);
        return true;
    }

    @Override
    public List<String> modelsUsing(long id) {
        return entityManager
                .createQuery(
                        "SELECT m.catalogId FROM ModelConfiguration m WHERE m.credentialId = :id ORDER BY m.catalogId",
                        String.class)
                .setParameter("id", id)
                .getResultList();
    }

    @Override
    public int reencryptAll(BiFunction<ApiCredential, CredentialSecret, CredentialSecret> reseal, String actor) {
        List<ApiCredential> credentials = entityManager
                .createQuery("SELECT c FROM ApiCredential c ORDER BY c.id", ApiCredential.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ApiCredential credential : credentials) {
            credential.reencrypt(secret -> reseal.apply(credential, secret));
            // Written row by row: a failure part-way is undone by the transaction's rollback, never left half-done.
            entityManager.flush();
        }
        auditLog.record(
                actor,
                "ROTATE_MASTER_KEY",
                ApiCredentials.AUDIT_ENTITY_TYPE,
                "*",
                null,
                JSON.createObjectBuilder()
                        .add("reencrypted", credentials.size())
                        .build()
                        .toString());
        return credentials.size();
    }

    @Override
    public Set<String> masterKeyIdsInUse() {
        return new HashSet<>(entityManager
                .createQuery("SELECT DISTINCT s.sealed.masterKeyId FROM ApiCredential c JOIN c.secrets s", String.class)
                .getResultList());
    }

    private static String entityId(ApiCredential credential) {
        return credential.id() + ":" + credential.provider() + "/" + credential.label();
    }

    /** What the audit trail keeps of a credential: never a secret, only last four characters. */
    static String snapshot(ApiCredential credential) {
        JsonArrayBuilder secrets = JSON.createArrayBuilder();
        credential.lastFours().forEach(last -> secrets.add("****" + last));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("provider", credential.provider())
                .add("name", credential.label())
                .add("enabled", credential.enabled())
                .add("secrets", secrets);
        if (credential.baseUrl() == null) {
            json.addNull("baseUrl");
        } else {
            json.add("baseUrl", credential.baseUrl());
        }
        return json.build().toString();
    }
}
