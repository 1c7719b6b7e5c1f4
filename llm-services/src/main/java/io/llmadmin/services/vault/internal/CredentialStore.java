package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.EncryptedSecret;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The stored credentials. Each write is one transaction; entities returned are detached. */
public interface CredentialStore {

    /**
     * Persists a new credential.
     *
     * @throws io.llmadmin.services.vault.DuplicateCredentialException when its provider already has its label
     */
    ApiCredential add(ApiCredential credential);

    /** Every credential, by provider, label. */
    List<ApiCredential> all();

    Optional<ApiCredential> byId(long id);

    /** The enabled credentials of one (lower-case) provider, oldest first. */
    List<ApiCredential> enabled(String provider);

    /** Enables or disables; empty when no credential has the id. */
    Optional<ApiCredential> setEnabled(long id, boolean enabled);

    /** Deletes; false when no credential has the id. */
    boolean delete(long id);

    /**
     * Replaces every stored ciphertext with {@code reseal.apply(credential)}, in one transaction: if any fails,
     * nothing changes.
     *
     * @return how many were re-encrypted
     */
    int reencryptAll(Function<ApiCredential, EncryptedSecret> reseal);

    /** The master key ids the stored rows name. */
    Set<String> masterKeyIdsInUse();
}
