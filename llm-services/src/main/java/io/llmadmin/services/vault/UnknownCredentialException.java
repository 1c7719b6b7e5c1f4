package io.llmadmin.services.vault;

/** No stored API key has the given id. */
public class UnknownCredentialException extends RuntimeException {

    public UnknownCredentialException(long id) {
        super("No API credential with id " + id);
    }
}
