package io.llmadmin.web.admin;

import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/response-cache}: the models whose gateway answers are served again for the same request, and for
 * how long. Off for every model until an admin sets a TTL.
 */
@Path("/response-cache")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Routing", description = "Weighted routes, the response cache, cool-downs and model health")
public class ResponseCacheResource {

    private final ResponseCachePolicies policies;
    private final RequestBodies bodies;

    @Inject
    public ResponseCacheResource(ResponseCachePolicies policies, RequestBodies bodies) {
        this.policies = policies;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected ResponseCacheResource() {
        this(null, null);
    }

    /**
     * One model's cache policy.
     *
     * @param modelId the catalog id
     * @param ttlSeconds how long an answer is served again; 0: not cached
     */
    public record PolicyResponse(String modelId, int ttlSeconds) {}

    @GET
    @Operation(summary = "Models whose answers are cached")
    @APIResponse(responseCode = "200", description = "One entry per cached model")
    public List<PolicyResponse> list() {
        return policies.all().entrySet().stream()
                .map(policy -> new PolicyResponse(policy.getKey(), policy.getValue()))
                .toList();
    }

    @PUT
    @Path("/{modelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a model's cache TTL", description = "0 turns caching off for the model")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoutingRequests.CachePolicy.class)))
    @APIResponse(responseCode = "200", description = "The policy as saved")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names the field")
    @APIResponse(responseCode = "404", description = "No model with this id")
    public PolicyResponse set(@PathParam("modelId") String modelId, String body, @Context SecurityContext security) {
        RoutingRequests.CachePolicy request = bodies.bind(bodies.object(body), RoutingRequests.CachePolicy.class);
        policies.set(ModelAdminResource.actor(security), modelId, request.ttlSeconds());
        return new PolicyResponse(modelId, request.ttlSeconds());
    }
}
