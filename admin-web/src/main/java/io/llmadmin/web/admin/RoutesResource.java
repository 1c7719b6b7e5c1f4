package io.llmadmin.web.admin;

import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.RouteTargetView;
import io.llmadmin.services.routing.RouteView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * {@code /api/admin/routes}: catalog ids whose gateway calls are split between target models by weight (A/B splits,
 * canaries). Admins change them, viewers read them; each target's usage is at {@code /api/admin/usage/routes/{id}}.
 */
@Path("/routes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Routing", description = "Weighted routes, the response cache, cool-downs and model health")
public class RoutesResource {

    private final ModelRoutes routes;
    private final RequestBodies bodies;

    @Inject
    public RoutesResource(ModelRoutes routes, RequestBodies bodies) {
        this.routes = routes;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected RoutesResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "Every route")
    @APIResponse(responseCode = "200", description = "The routes by id")
    public List<RouteView> list() {
        return routes.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One route")
    @APIResponse(responseCode = "200", description = "The route")
    @APIResponse(responseCode = "404", description = "No route with this id")
    public RouteView get(@PathParam("id") String id) {
        return routes.find(id).orElseThrow(() -> new UnknownEntityException("No route '" + id + "'"));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace a route",
            description = "Calls to the id go to one target each, chosen by weight; sticky: the same target per caller")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoutingRequests.Route.class)))
    @APIResponse(responseCode = "200", description = "The route as saved")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    public RouteView save(@PathParam("id") String id, String body, @Context SecurityContext security) {
        RoutingRequests.Route request = bodies.bind(bodies.object(body), RoutingRequests.Route.class);
        return routes.save(
                ModelAdminResource.actor(security),
                id,
                Boolean.TRUE.equals(request.sticky()),
                request.targets().stream()
                        .map(target -> new RouteTargetView(target.model(), target.weight()))
                        .toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a route")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No route with this id")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        if (!routes.delete(ModelAdminResource.actor(security), id)) {
            throw new UnknownEntityException("No route '" + id + "'");
        }
        return Response.noContent().build();
    }
}
