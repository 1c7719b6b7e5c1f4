package io.llmadmin.web.errors;

import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** The answers to a change the services refused: 400 with the field errors, 404, 409. */
public final class ChangeExceptionMappers {

    private ChangeExceptionMappers() {}

    /** 400, naming every wrong field. */
    @Provider
    public static class Invalid implements ExceptionMapper<InvalidChangeException> {
        @Override
        public Response toResponse(InvalidChangeException exception) {
            return ApiError.invalid(
                            "Invalid input: "
                                    + exception.fieldErrors().stream()
                                            .map(error -> error.field() + " " + error.message())
                                            .collect(Collectors.joining("; ")),
                            exception.fieldErrors().stream()
                                    .map(error -> new ApiFieldError(error.field(), error.message()))
                                    .toList())
                    .toResponse();
        }
    }

    /** 404. */
    @Provider
    public static class Unknown extends StatusMapper<UnknownEntityException> {
        public Unknown() {
            super(Response.Status.NOT_FOUND);
        }
    }

    /** 409, for a stale version as for any other conflict. */
    @Provider
    public static class Conflict extends StatusMapper<ConflictingChangeException> {
        public Conflict() {
            super(Response.Status.CONFLICT);
        }
    }
}
