package io.llmadmin.services.vault;

import java.util.List;
import java.util.Optional;

/**
 * The admin side of the vault: credentials (a provider endpoint and its secrets) created, given secrets, enabled,
 * disabled, tested and deleted, and the master key that encrypts them rotated. Nothing here ever returns a secret in
 * clear: callers get {@link CredentialSummary} with last four characters only. Every change is audited (entity type
 * {@value #AUDIT_ENTITY_TYPE}) without any secret, in the change's transaction. Bad input is refused with an
 * {@link io.llmadmin.services.changes.InvalidChangeException} naming each field (never a secret's value).
 */
public interface ApiCredentials {

    String AUDIT_ENTITY_TYPE = "ApiCredential";

    /**
     * Encrypts and stores a new, enabled credential.
     *
     * @throws io.llmadmin.services.changes.InvalidChangeException naming {@code provider}, {@code name},
     *     {@code baseUrl} or {@code secrets[i]}
     * @throws DuplicateCredentialException when the provider already has a credential with this name
     */
    CredentialSummary create(String actor, NewCredential credential);

    /**
     * The importer's and the legacy tests' way in: a credential bound to the provider's official endpoint (unbound
     * when it has none), created by {@code system}.
     */
    CredentialSummary store(String provider, String label, String secret);

    /** Every credential, by provider, then name. */
    List<CredentialSummary> list();

    Optional<CredentialSummary> find(long id);

    /** The catalog ids of the models that name this credential. */
    List<String> modelsUsing(long id);

    /**
     * Adds a secret, used in turn with the others.
     *
     * @throws io.llmadmin.services.changes.ConflictingChangeException when it holds this secret already, or is full
     */
    CredentialSummary addSecret(String actor, long id, String secret);

    /** Replaces every secret with this one (a key rotated at the provider). */
    CredentialSummary replaceSecrets(String actor, long id, String secret);

    /**
     * Binds a credential without an endpoint (one migrated from per-provider keys) to one; an endpoint never changes.
     *
     * @throws io.llmadmin.services.changes.ConflictingChangeException when it is bound already
     */
    CredentialSummary bind(String actor, long id, String baseUrl);

    /** @throws UnknownCredentialException when no credential has this id */
    CredentialSummary enable(String actor, long id);

    /** A disabled credential is kept but never sent. @throws UnknownCredentialException when unknown */
    CredentialSummary disable(String actor, long id);

    /**
     * @throws UnknownCredentialException when no credential has this id
     * @throws io.llmadmin.services.changes.ConflictingChangeException naming the models while any uses it
     */
    void delete(String actor, long id);

    /**
     * Whether the credential holds exactly this secret (compared in full, by its keyed fingerprint), e.g. to tell
     * whether an imported key changed.
     */
    boolean holdsSecret(long id, String secret);

    /**
     * One cheap authenticated call to the credential's endpoint (listing the models) with its first secret.
     *
     * @throws UnknownCredentialException when no credential has this id
     */
    CredentialCheck test(long id);

    /**
     * Re-encrypts every stored secret under a new master key, in one transaction: all or nothing.
     *
     * <p>When the master key lives in a file (generated into the data directory, or named by
     * {@code LLMADMIN_MASTER_KEY_FILE}) a new random key is generated and written there. When it comes from
     * {@code LLMADMIN_MASTER_KEY}, the application cannot replace it: set the new key there and the old one in
     * {@code LLMADMIN_MASTER_KEY_PREVIOUS}, restart, and call this to move every key onto the new one.
     *
     * @throws MasterKeyRotationException when it fails; then every key is still encrypted as before
     */
    MasterKeyRotation rotateMasterKey(String actor);
}
