package io.llmadmin.services.changes;

/**
 * A change that would break what is stored: an id already taken, a model still used as another's fallback, the last
 * admin removed. Nothing was changed.
 */
public class ConflictingChangeException extends RuntimeException {

    public ConflictingChangeException(String message) {
        super(message);
    }
}
