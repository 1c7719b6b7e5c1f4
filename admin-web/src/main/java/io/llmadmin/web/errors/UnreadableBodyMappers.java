package io.llmadmin.web.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A body the JAX-RS runtime's own JSON providers could not read (a resource that takes a bound object rather than
 * text: empty, malformed, of the wrong shape) is the client's mistake, a 400 naming the body, not the 500 of
 * {@link UnexpectedExceptionMapper}.
 */
public final class UnreadableBodyMappers {

    private UnreadableBodyMappers() {}

    static Response badBody() {
        return ApiError.invalid(
                        "The request body is not a JSON object of the expected shape",
                        List.of(new ApiFieldError("body", "must be a JSON object of the expected shape")))
                .toResponse();
    }

    /** JSON-B binding failed. */
    @Provider
    public static class Binding implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException exception) {
            return badBody();
        }
    }

    /** JSON-P parsing failed. */
    @Provider
    public static class Parsing implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException exception) {
            return badBody();
        }
    }
}
