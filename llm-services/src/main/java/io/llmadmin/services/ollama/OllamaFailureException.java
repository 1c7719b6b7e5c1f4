package io.llmadmin.services.ollama;

/** The Ollama server answered, but with an error that is not the caller's fault (a 5xx, a malformed answer). */
public class OllamaFailureException extends RuntimeException {

    public OllamaFailureException(String message) {
        super(message);
    }
}
