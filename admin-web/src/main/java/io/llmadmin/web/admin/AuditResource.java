package io.llmadmin.web.admin;

import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.audit.AuditQuery;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/admin/audit}: who changed what, newest first, for admins and viewers. */
@Path("/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Audit", description = "Every change, with the masked state before and after")
public class AuditResource {

    private final AuditLog auditLog;

    @Inject
    public AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected AuditResource() {
        this(null);
    }

    @GET
    @Operation(summary = "List audit events", description = "Newest first; every filter is optional.")
    @APIResponse(responseCode = "200", description = "One page of events")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    public PageResponse<AuditEventResponse> list(
            @Parameter(description = "ModelConfiguration or ConsoleUser") @QueryParam("entityType") String entityType,
            @Parameter(description = "a model id or user name") @QueryParam("entityId") String entityId,
            @Parameter(description = "who made the change") @QueryParam("actor") String actor,
            @Parameter(description = "CREATE, UPDATE, DELETE, ACTIVATE, DEACTIVATE, ...") @QueryParam("action")
                    String action,
            @Parameter(description = "ISO-8601, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601, exclusive") @QueryParam("to") String to,
            @Parameter(description = "zero-based page, default 0") @QueryParam("page") String page,
            @Parameter(description = "page size 1-200, default 50") @QueryParam("size") String size) {
        List<ApiFieldError> errors = new ArrayList<>();
        OffsetDateTime fromTime = QueryParameters.time(errors, "from", from);
        OffsetDateTime toTime = QueryParameters.time(errors, "to", to);
        int pageNumber = QueryParameters.integer(errors, "page", page, 0);
        int pageSize = QueryParameters.integer(errors, "size", size, 50);
        QueryParameters.throwIfAny(errors);
        AuditQuery query = new AuditQuery(
                entityType,
                entityId,
                actor,
                action == null ? null : action.trim().toUpperCase(java.util.Locale.ROOT),
                fromTime,
                toTime,
                pageNumber,
                pageSize);
        return PageResponse.of(auditLog.search(query), AuditEventResponse::of);
    }
}
