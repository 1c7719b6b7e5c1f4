package io.llmadmin.web.admin;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/gateway-keys}: the keys applications present to the OpenAI-compatible gateway ({@code
 * /openai/v1}). Admins issue and revoke; viewers may list (AdminRoleFilter).
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
                limits == null
                        ? GatewayKeyLimits.UNLIMITED
                        : new GatewayKeyLimits(
                                orZero(limits.requestsPerMinute()),
                                orZero(limits.inputTokensPerMinute()),
                                orZero(limits.outputTokensPerMinute())));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(Long.toString(issued.key().id()))
                        .build())
                .cacheControl(noStore)
                .entity(GatewayKeyResponse.withToken(issued.key(), issued.token()))
                .build();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a gateway key", description = "For good; revoking twice changes nothing.")
    @APIResponse(responseCode = "200", description = "The key, revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public GatewayKeyResponse revoke(@PathParam("id") long id, @Context SecurityContext security) {
        return GatewayKeyResponse.of(keys.revoke(ModelAdminResource.actor(security), id));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ApiException notFound(long id) {
        return new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No gateway key " + id));
    }
}
