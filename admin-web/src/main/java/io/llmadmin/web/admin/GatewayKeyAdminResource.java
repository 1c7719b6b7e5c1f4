package io.llmadmin.web.admin;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/gateway-keys}: the keys applications present to the OpenAI-compatible gateway ({@code
 * /openai/v1}). Admins issue, change, regenerate, revoke and delete; viewers may list (AdminRoleFilter).
 */
@Path("/gateway-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Gateway keys", description = "Bearer tokens for the OpenAI-compatible API at /openai/v1")
public class GatewayKeyAdminResource {

    private final GatewayKeys keys;
    private final RequestBodies bodies;

    @Inject
    public GatewayKeyAdminResource(GatewayKeys keys, RequestBodies bodies) {
        this.keys = keys;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected GatewayKeyAdminResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "List gateway keys", description = "Newest first; never a token, only its first characters.")
    public List<GatewayKeyResponse> list() {
        return keys.list().stream().map(GatewayKeyResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One gateway key")
    @APIResponse(responseCode = "200", description = "The key, without its token")
    @APIResponse(responseCode = "404", description = "No such key")
    public GatewayKeyResponse get(@PathParam("id") long id) {
        return keys.find(id).map(GatewayKeyResponse::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue a gateway key",
            description = "The answer carries the token (llmk_...) once; it cannot be shown again.")
    @RequestBody(content = @Content(schema = @Schema(implementation = GatewayKeyRequests.NewKey.class)))
    @APIResponse(responseCode = "201", description = "Issued; the body holds the token")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response issue(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        GatewayKeyRequests.NewKey request = bodies.bind(bodies.object(body), GatewayKeyRequests.NewKey.class);
        GatewayKeyRequests.Limits limits = request.limits();
        IssuedGatewayKey issued = keys.issue(
                ModelAdminResource.actor(security),
                request.name(),
                request.allowedModels() == null ? List.of() : request.allowedModels(),
                limitsOf(limits),
                request.expiresAt());
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(Long.toString(issued.key().id()))
                        .build())
                .cacheControl(noStore())
                .entity(GatewayKeyResponse.withToken(issued.key(), issued.token()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a gateway key",
            description = "Replaces its allowed models (each must exist), limits and expiry; the name and token stay."
                    + " Send the version changed as If-Match or 'version' to be told of someone else's change.")
    @RequestBody(content = @Content(schema = @Schema(implementation = GatewayKeyRequests.KeyChange.class)))
    @APIResponse(responseCode = "200", description = "The key as changed")
    @APIResponse(
            responseCode = "400",
            description = "Invalid (an unknown model is named); fieldErrors names each field")
    @APIResponse(responseCode = "404", description = "No such key")
    @APIResponse(responseCode = "409", description = "The key is revoked, or changed since that version")
    public Response change(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body,
            @Context SecurityContext security) {
        GatewayKeyRequests.KeyChange request = bodies.bind(bodies.object(body), GatewayKeyRequests.KeyChange.class);
        OptionalLong version = RequestBodies.changeVersion(ifMatch, request.version());
        GatewayKeyView changed = keys.change(
                ModelAdminResource.actor(security),
                id,
                request.allowedModels() == null ? List.of() : request.allowedModels(),
                limitsOf(request.limits()),
                request.expiresAt(),
                version);
        return Response.ok(GatewayKeyResponse.of(changed))
                .tag(RequestBodies.etag(changed.version()))
                .build();
    }

    @POST
    @Path("/{id}/regenerate")
    @Operation(
            summary = "Give a gateway key a new token",
            description = "The old token stops working at once; the answer carries the new one, shown this once.")
    @APIResponse(responseCode = "200", description = "The key; the body holds the new token")
    @APIResponse(responseCode = "404", description = "No such key")
    @APIResponse(responseCode = "409", description = "The key is revoked")
    public Response regenerate(@PathParam("id") long id, @Context SecurityContext security) {
        IssuedGatewayKey issued = keys.regenerate(ModelAdminResource.actor(security), id);
        return Response.ok(GatewayKeyResponse.withToken(issued.key(), issued.token()))
                .cacheControl(noStore())
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a revoked gateway key", description = "Its audit trail stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such key")
    @APIResponse(responseCode = "409", description = "The key still works: revoke it first")
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        keys.delete(ModelAdminResource.actor(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a gateway key", description = "For good; revoking twice changes nothing.")
    @APIResponse(responseCode = "200", description = "The key, revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public GatewayKeyResponse revoke(@PathParam("id") long id, @Context SecurityContext security) {
        return GatewayKeyResponse.of(keys.revoke(ModelAdminResource.actor(security), id));
    }

    private static GatewayKeyLimits limitsOf(GatewayKeyRequests.Limits limits) {
        return limits == null
                ? GatewayKeyLimits.UNLIMITED
                : new GatewayKeyLimits(
                        orZero(limits.requestsPerMinute()),
                        orZero(limits.inputTokensPerMinute()),
                        orZero(limits.outputTokensPerMinute()));
    }

    /** A token must not stay in any cache. */
    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ApiException notFound(long id) {
        return new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No gateway key " + id));
    }
}
