package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.web.admin.ModelRequest.CapabilitiesJson;
import io.llmadmin.web.admin.ModelRequest.LimitsJson;
import io.llmadmin.web.admin.ModelRequest.ParametersJson;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/models}: the registry for admins. Reads for admins and viewers; changes for admins only (see
 * web.xml). Every change sends the version it was based on (If-Match or {@code version}); the loser of two concurrent
 * changes gets a 409 and nothing of the winner's change is lost.
 */
@Path("/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Models", description = "The model registry")
public class ModelAdminResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ModelRegistry registry;
    private final RequestBodies bodies;

    @Inject
    public ModelAdminResource(ModelRegistry registry, RequestBodies bodies) {
        this.registry = registry;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected ModelAdminResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "List models", description = "Paged, sorted and filtered; newest changes show at once.")
    @APIResponse(responseCode = "200", description = "One page of models")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid; fieldErrors names it")
    public PageResponse<ModelResponse> list(
            @Parameter(description = "zero-based page, default 0") @QueryParam("page") String page,
            @Parameter(description = "page size 1-200, default 20") @QueryParam("size") String size,
            @Parameter(
                            description = "field[,asc|desc]: id, displayName, type, provider, sortOrder, contextLength,"
                                    + " createdAt, updatedAt; default sortOrder")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "chat, embedding, image or speech") @QueryParam("type") String type,
            @Parameter(description = "a provider id, e.g. openai") @QueryParam("provider") String provider,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @Parameter(description = "text in the id, names, vendor or description") @QueryParam("q") String text) {
        List<ApiFieldError> errors = new ArrayList<>();
        int pageNumber = QueryParameters.integer(errors, "page", page, 0);
        int pageSize = QueryParameters.integer(errors, "size", size, 20);
        ModelType modelType = null;
        if (type != null && !type.isBlank()) {
            modelType = ModelType.fromLabel(type).orElse(null);
            if (modelType == null) {
                errors.add(new ApiFieldError("type", "must be one of " + String.join(", ", ModelType.apiNames())));
            }
        }
        Boolean activeFilter = QueryParameters.bool(errors, "active", active);
        String sortField = null;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.trim().split(",", 2);
            sortField = parts[0].trim();
            if (sortField.startsWith("-")) {
                sortField = sortField.substring(1);
                descending = true;
            }
            if (parts.length == 2) {
                String direction = parts[1].trim().toLowerCase(java.util.Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    errors.add(new ApiFieldError("sort", "direction must be asc or desc"));
                }
                descending = direction.equals("desc");
            }
        }
        QueryParameters.throwIfAny(errors);
        Page<ModelView> found = registry.list(
                new ModelQuery(modelType, provider, activeFilter, text, sortField, descending, pageNumber, pageSize));
        return PageResponse.of(found, ModelResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One model", description = "Its ETag is its version, for If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No such model")
    public Response get(@PathParam("id") String id) {
        ModelView model = require(id);
        return Response.ok(ModelResponse.of(model))
                .tag(RequestBodies.etag(model.version()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a model")
    @RequestBody(content = @Content(schema = @Schema(implementation = ModelRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "409", description = "A model with this id exists")
    public Response create(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        ModelRequest request = bodies.bind(bodies.object(body), ModelRequest.class);
        if (request.id() == null) {
            throw RequestBodies.invalid("Invalid input: id must not be empty", "id", "must not be empty");
        }
        ModelView created = registry.create(actor(security), draft(request, request.id()));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(created.catalogId())
                        .build())
                .tag(RequestBodies.etag(created.version()))
                .entity(ModelResponse.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a model", description = "Needs If-Match or a version member; absent members reset.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ModelRequest.class)))
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "404", description = "No such model")
    @APIResponse(responseCode = "409", description = "The version sent is stale")
    @APIResponse(responseCode = "428", description = "No version sent")
    public Response replace(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body,
            @Context SecurityContext security) {
        ModelRequest request = bodies.bind(bodies.object(body), ModelRequest.class);
        long version = RequestBodies.requiredVersion(ifMatch, request.version());
        ModelView updated = registry.update(actor(security), id, version, draft(request, id));
        return ok(updated);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change some fields of a model",
            description = "A JSON merge patch (RFC 7396); null removes an optional member. Needs If-Match or version.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "404", description = "No such model")
    @APIResponse(responseCode = "409", description = "The version sent is stale")
    @APIResponse(responseCode = "428", description = "No version sent")
    public Response patch(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body,
            @Context SecurityContext security) {
        JsonObject patch = bodies.object(body);
        Long bodyVersion = null;
        if (patch.containsKey("version") && patch.get("version").getValueType() != JsonValue.ValueType.NULL) {
            bodyVersion = RequestBodies.version(patch.get("version"));
        }
        long version = RequestBodies.requiredVersion(ifMatch, bodyVersion);
        ModelView current = require(id);
        JsonObject base = bodies.toJson(ModelResponse.of(current, false));
        JsonValue merged = JSON.createMergePatch(patch).apply(base);
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestBodies.invalid("The patch must be a JSON object", "body", "must be a JSON object");
        }
        ModelRequest request = bodies.bind(merged.asJsonObject(), ModelRequest.class);
        ModelView updated = registry.update(actor(security), id, version, draft(request, id));
        return ok(updated);
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Show a model to clients", description = "If-Match optional.")
    @APIResponse(responseCode = "200", description = "Active")
    public Response activate(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return ok(registry.setActive(actor(security), id, true, RequestBodies.ifMatchVersion(ifMatch)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Hide a model from clients", description = "If-Match optional.")
    @APIResponse(responseCode = "200", description = "Inactive")
    public Response deactivate(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return ok(registry.setActive(actor(security), id, false, RequestBodies.ifMatchVersion(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a model", description = "Refused (409) while another model falls back to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such model")
    @APIResponse(responseCode = "409", description = "Stale If-Match, or still a fallback of another model")
    public Response delete(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        registry.delete(actor(security), id, RequestBodies.ifMatchVersion(ifMatch));
        return Response.noContent().build();
    }

    private ModelView require(String id) {
        return registry.find(id)
                .orElseThrow(() -> new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No model '" + id + "'")));
    }

    private static Response ok(ModelView model) {
        return Response.ok(ModelResponse.of(model))
                .tag(RequestBodies.etag(model.version()))
                .build();
    }

    static String actor(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new ApiException(ApiError.of(Response.Status.UNAUTHORIZED, "Sign in to change anything"));
        }
        return security.getUserPrincipal().getName();
    }

    /** The draft a request states, with the defaults for what it leaves out; the type is checked here. */
    private static ModelDraft draft(ModelRequest request, String id) {
        ModelType type = ModelType.fromLabel(request.type())
                .orElseThrow(() -> RequestBodies.invalid(
                        "Invalid input: type must be one of " + String.join(", ", ModelType.apiNames()),
                        "type",
                        "must be one of " + String.join(", ", ModelType.apiNames())));
        LimitsJson limits = Optional.ofNullable(request.limits()).orElse(new LimitsJson(0, 0, 0));
        CapabilitiesJson capabilities =
                Optional.ofNullable(request.capabilities()).orElse(new CapabilitiesJson(null, null, null, null, null));
        ParametersJson parameters =
                Optional.ofNullable(request.parameters()).orElse(new ParametersJson(null, null, null, null, null));
        ParameterRanges defaults = ParameterRanges.DEFAULT;
        JsonValue kwargs = request.extraKwargs();
        String kwargsJson =
                kwargs == null || kwargs.getValueType() == JsonValue.ValueType.NULL ? null : kwargs.toString();
        return new ModelDraft(
                request.id() == null ? id : request.id(),
                type,
                request.provider(),
                request.vendor(),
                request.providerModelName(),
                request.displayName(),
                request.description(),
                orZero(request.sortOrder()),
                request.apiBase(),
                orZero(request.contextLength()),
                orZero(limits.requestsPerMinute()),
                orZero(limits.inputTokensPerMinute()),
                orZero(limits.outputTokensPerMinute()),
                kwargsJson,
                request.active() == null || request.active(),
                request.fallbacks(),
                new ModelCapabilities(
                        capabilities.streaming() == null
                                ? ModelCapabilities.DEFAULT.streaming()
                                : capabilities.streaming(),
                        Boolean.TRUE.equals(capabilities.vision()),
                        Boolean.TRUE.equals(capabilities.tools()),
                        Boolean.TRUE.equals(capabilities.jsonOutput()),
                        Boolean.TRUE.equals(capabilities.reasoning())),
                Optional.ofNullable(parameters.temperatureMin()).orElse(defaults.temperatureMin()),
                Optional.ofNullable(parameters.temperatureMax()).orElse(defaults.temperatureMax()),
                Optional.ofNullable(parameters.topPMin()).orElse(defaults.topPMin()),
                Optional.ofNullable(parameters.topPMax()).orElse(defaults.topPMax()),
                orZero(parameters.maxTokens()),
                request.credentialId(),
                Boolean.TRUE.equals(request.logPayloads()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
