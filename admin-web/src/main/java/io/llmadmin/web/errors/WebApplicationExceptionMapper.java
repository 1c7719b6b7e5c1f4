package io.llmadmin.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (no such path, method not allowed, unsupported media type, ...) the JSON error
 * shape, instead of an empty or HTML body.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType statusType = exception.getResponse().getStatusInfo();
        Response.Status status = Response.Status.fromStatusCode(statusType.getStatusCode());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        Response.ResponseBuilder answer = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(status, messageFor(status)));
        // Keep what the runtime said beside the status (Allow on a 405, Retry-After, ...).
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private static String messageFor(Response.Status status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type; send application/json";
            case NOT_ACCEPTABLE -> "Cannot produce the requested media type; accept application/json";
            default -> status.getReasonPhrase();
        };
    }
}
