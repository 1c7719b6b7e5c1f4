package io.llmadmin.services.vault.internal;

/** A stored secret could not be decrypted: unknown master key, wrong key, or ciphertext changed. Names no secret. */
public class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
