package io.llmadmin.services.vault;

/** A master-key rotation failed and was rolled back: every stored key is still encrypted as it was before. */
public class MasterKeyRotationException extends RuntimeException {

    public MasterKeyRotationException(String message, Throwable cause) {
        super(message, cause);
    }
}
