package io.llmadmin.web.errors;

/** Thrown by a resource to answer with {@link #error()}; mapped by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
