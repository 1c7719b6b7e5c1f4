package io.llmadmin.services.ollama;

import io.llmadmin.services.changes.UnknownEntityException;

/** No active model fits the criteria: a "not found" whose message restates what was asked. */
public class NoSuitableModelException extends UnknownEntityException {

    public NoSuitableModelException(String message) {
        super(message);
    }
}
