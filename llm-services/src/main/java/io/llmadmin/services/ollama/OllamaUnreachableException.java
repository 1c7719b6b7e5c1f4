package io.llmadmin.services.ollama;

/** The Ollama server did not answer (after the retries); the message names it. */
public class OllamaUnreachableException extends RuntimeException {

    private final String endpoint;

    public OllamaUnreachableException(String endpoint, String detail) {
        super("Ollama at " + endpoint + " is unreachable" + (detail == null ? "" : ": " + detail));
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
