package io.llmadmin.web.errors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON body of every error answer. Members that are null are left out of the JSON, so an error without field
 * errors keeps the shape it always had.
 *
 * @param status the HTTP status, repeated for clients that only see the body
 * @param error the reason phrase of the status
 * @param message what went wrong, in words that say what to do about it
 * @param validValues the values that would have been accepted, when the input was one of a closed set
 * @param fieldErrors each wrong field of the request and what is wrong with it, on a 400 about the body
 */
@JsonbPropertyOrder({"status", "error", "message", "validValues", "fieldErrors"})
public record ApiError(
        int status, String error, String message, List<String> validValues, List<ApiFieldError> fieldErrors) {

    public ApiError(int status, String error, String message, List<String> validValues) {
        this(status, error, message, validValues, null);
    }

    public static ApiError of(Response.Status status, String message) {
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, null, null);
    }

    public static ApiError of(Response.Status status, String message, List<String> validValues) {
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, List.copyOf(validValues), null);
    }

    /** A 400 naming each wrong field. */
    public static ApiError invalid(String message, List<ApiFieldError> fieldErrors) {
        Response.Status status = Response.Status.BAD_REQUEST;
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, null, List.copyOf(fieldErrors));
    }

    /** This error as a JAX-RS response with a JSON body. */
    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}
