package io.llmadmin.web.errors;

import io.llmadmin.services.ollama.OllamaFailureException;
import io.llmadmin.services.ollama.OllamaUnreachableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** An Ollama server that does not answer is a 503 naming it; one that answers wrongly a 502. */
public final class OllamaExceptionMappers {

    private OllamaExceptionMappers() {}

    /** 503. */
    @Provider
    public static class Unreachable extends StatusMapper<OllamaUnreachableException> {
        public Unreachable() {
            super(Response.Status.SERVICE_UNAVAILABLE);
        }
    }

    /** 502. */
    @Provider
    public static class Failed extends StatusMapper<OllamaFailureException> {
        public Failed() {
            super(Response.Status.BAD_GATEWAY);
        }
    }
}
