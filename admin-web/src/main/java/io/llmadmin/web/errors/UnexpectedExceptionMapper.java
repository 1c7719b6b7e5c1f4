package io.llmadmin.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything a resource did not expect is logged with an incident id and answered with a 500 that names
 * only that id, so no internal detail (SQL, a key, a stack trace) reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
        return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; incident " + incident)
                .toResponse();
    }
}
