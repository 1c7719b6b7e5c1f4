package io.llmadmin.web.errors;

import io.llmadmin.services.ollama.OllamaFailureException;
import io.llmadmin.services.ollama.OllamaUnreachableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An Ollama server that does not answer is a 503 naming it; one that answers wrongly a 502. */
public final class OllamaExceptionMappers {

    private OllamaExceptionMappers() {}

    /** 503. */
    @Provider
    public static class Unreachable implements ExceptionMapper<OllamaUnreachableException> {
        @Override
        public Response toResponse(OllamaUnreachableException exception) {
            return ApiError.of(Response.Status.SERVICE_UNAVAILABLE, exception.getMessage())
                    .toResponse();
        }
    }

    /** 502. */
    @Provider
    public static class Failed implements ExceptionMapper<OllamaFailureException> {
        @Override
        public Response toResponse(OllamaFailureException exception) {
            return ApiError.of(Response.Status.BAD_GATEWAY, exception.getMessage())
                    .toResponse();
        }
    }
}
