package io.llmadmin.services.changes;

/** The thing to read or change does not exist (any more). */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
