package io.llmadmin.services.vault;

import io.llmadmin.services.changes.UnknownEntityException;

/** No stored credential has the given id. */
public class UnknownCredentialException extends UnknownEntityException {

    public UnknownCredentialException(long id) {
        super("No credential " + id);
    }
}
