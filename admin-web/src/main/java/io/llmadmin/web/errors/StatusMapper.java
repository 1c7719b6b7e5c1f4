package io.llmadmin.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers an exception with one status and its message as the error. JAX-RS picks a mapper by the exception type it
 * declares, so each exception still has its own small {@code @Provider} subclass; what they answer is written here once.
 *
 * @param <E> the exception mapped
 */
public abstract class StatusMapper<E extends Throwable> implements ExceptionMapper<E> {

    private final Response.Status status;

    protected StatusMapper(Response.Status status) {
        this.status = status;
    }

    @Override
    public Response toResponse(E exception) {
        return ApiError.of(status, exception.getMessage()).toResponse();
    }
}
