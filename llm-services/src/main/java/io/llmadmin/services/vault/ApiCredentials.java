package io.llmadmin.services.vault;

import java.util.List;
import java.util.Optional;

/**
 * The admin side of the vault: store, list, enable, disable and delete provider API keys, and rotate the master key
 * that encrypts them. Nothing here ever returns a key in clear: callers get {@link CredentialSummary} with the last
 * four characters only. Bad input is refused with an {@link IllegalArgumentException} naming the field.
 */
public interface ApiCredentials {

    /**
     * Encrypts and stores a new, enabled key.
     *
     * @param provider the provider id (any case; stored lower-case)
     * @param label a name for this key, unique per provider
     * @param secret the key in clear; surrounding whitespace is trimmed; 8 to 2048 characters without blanks
     * @throws IllegalArgumentException naming {@code provider}, {@code label} or {@code secret} (never its value)
     * @throws DuplicateCredentialException when the provider already has a key with this label
     */
    CredentialSummary store(String provider, String label, String secret);

    /** Every stored key, by provider, then label. */
    List<CredentialSummary> list();

    Optional<CredentialSummary> find(long id);

    /** @throws UnknownCredentialException when no key has this id */
    CredentialSummary enable(long id);

    /** A disabled key is kept but no longer handed out. @throws UnknownCredentialException when unknown */
    CredentialSummary disable(long id);

    /** @throws UnknownCredentialException when no key has this id */
    void delete(long id);

    /**
     * Re-encrypts every stored key under a new master key, in one transaction: all or nothing.
     *
     * <p>When the master key lives in a file (generated into the data directory, or named by
     * {@code LLMADMIN_MASTER_KEY_FILE}) a new random key is generated and written there. When it comes from
     * {@code LLMADMIN_MASTER_KEY}, the application cannot replace it: set the new key there and the old one in
     * {@code LLMADMIN_MASTER_KEY_PREVIOUS}, restart, and call this to move every key onto the new one.
     *
     * @throws MasterKeyRotationException when it fails; then every key is still encrypted as before
     */
    MasterKeyRotation rotateMasterKey();
}
