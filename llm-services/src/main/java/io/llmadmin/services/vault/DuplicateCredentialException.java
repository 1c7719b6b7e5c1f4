package io.llmadmin.services.vault;

import io.llmadmin.services.changes.ConflictingChangeException;

/** The provider already has a credential with this name (label). */
public class DuplicateCredentialException extends ConflictingChangeException {

    public DuplicateCredentialException(String provider, String label) {
        super("Provider '" + provider + "' already has a credential named '" + label + "'");
    }
}
