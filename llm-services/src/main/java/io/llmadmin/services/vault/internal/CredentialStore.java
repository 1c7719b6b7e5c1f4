package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The stored credentials. Each write is one transaction and records its audit event (never a secret) in it; entities
 * returned are detached.
 */
public interface CredentialStore {

    /**
     * Persists a new credential.
     *
     * @throws io.llmadmin.services.vault.DuplicateCredentialException when its provider already has its label
     */
    ApiCredential add(ApiCredential credential, String actor);

    /** Every credential, by provider, label. */
    List<ApiCredential> all();

    Optional<ApiCredential> byId(long id);

    /** The enabled credentials of one (lower-case) provider, oldest first. */
    List<ApiCredential> enabled(String provider);

    /**
     * Applies a change to one credential and audits it as {@code action}; empty when no credential has the id.
     * An exception from {@code change} rolls it back.
     */
    Optional<ApiCredential> change(long id, String actor, String action, Consumer<ApiCredential> change);

    /**
     * Deletes; false when no credential has the id.
     *
     * @throws io.llmadmin.services.changes.ConflictingChangeException naming the models while any uses it
     */
    boolean delete(long id, String actor);

    /** The catalog ids of the models naming this credential. */
    List<String> modelsUsing(long id);

    /**
     * Replaces every stored secret with {@code reseal.apply(credential, secret)}, in one transaction: if any fails,
     * nothing changes.
     *
     * @return how many credentials were re-encrypted
     */
    int reencryptAll(BiFunction<ApiCredential, CredentialSecret, CredentialSecret> reseal, String actor);

    /** The master key ids the stored secrets name. */
    Set<String> masterKeyIdsInUse();
}
