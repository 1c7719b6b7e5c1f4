package io.llmadmin.services.vault;

/** The provider already has a key with this label. */
public class DuplicateCredentialException extends RuntimeException {

    public DuplicateCredentialException(String provider, String label) {
        super("Provider '" + provider + "' already has an API key labelled '" + label + "'");
    }
}
