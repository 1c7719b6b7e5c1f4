package io.llmadmin.web.errors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON body of every error answer.
 *
 * @param status the HTTP status, repeated for clients that only see the body
 * @param error the reason phrase of the status
 * @param message what went wrong, in words that say what to do about it
 * @param validValues the values that would have been accepted, when the input was one of a closed set
 */
@JsonbPropertyOrder({"status", "error", "message", "validValues"})
public record ApiError(int status, String error, String message, List<String> validValues) {

    public static ApiError of(Response.Status status, String message) {
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, null);
    }

    public static ApiError of(Response.Status status, String message, List<String> validValues) {
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, List.copyOf(validValues));
    }

    /** This error as a JAX-RS response with a JSON body. */
    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}
