package io.llmadmin.web.admin;

import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.users.ConsoleUsers;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** {@code /api/admin/users}: admins manage who may sign in (admin only, see web.xml). */
@Path("/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Users", description = "Console users and their roles (admins only)")
public class UserAdminResource {

    private final ConsoleUsers users;
    private final RequestBodies bodies;

    @Inject
    public UserAdminResource(ConsoleUsers users, RequestBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected UserAdminResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "List users")
    public List<UserResponse> list() {
        return users.list().stream().map(UserResponse::of).toList();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response get(@PathParam("username") String username) {
        ConsoleUser user = users.find(username)
                .orElseThrow(
                        () -> new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No user '" + username + "'")));
        return Response.ok(UserResponse.of(user))
                .tag(RequestBodies.etag(user.version()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", description = "Passwords need at least 12 characters.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserRequests.NewUser.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "409", description = "The user name is taken")
    public Response create(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        UserRequests.NewUser request = bodies.bind(bodies.object(body), UserRequests.NewUser.class);
        ConsoleUser created = users.create(
                ModelAdminResource.actor(security), request.username(), request.password(), role(request.role()));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(created.username())
                        .build())
                .entity(UserResponse.of(created))
                .build();
    }

    @PATCH
    @Path("/{username}")
    @Consumes({ModelAdminResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a user's role",
            description = "Needs If-Match or version (428 without). Refused (409) for the last admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserRequests.RoleChange.class)))
    public Response changeRole(
            @PathParam("username") String username,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body,
            @Context SecurityContext security) {
        UserRequests.RoleChange request = bodies.bind(bodies.object(body), UserRequests.RoleChange.class);
        OptionalLong version = OptionalLong.of(RequestBodies.requiredVersion(ifMatch, request.version()));
        ConsoleUser changed =
                users.changeRole(ModelAdminResource.actor(security), username, role(request.role()), version);
        return Response.ok(UserResponse.of(changed))
                .tag(RequestBodies.etag(changed.version()))
                .build();
    }

    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's password")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserRequests.PasswordReset.class)))
    @APIResponse(responseCode = "204", description = "Set")
    public Response resetPassword(
            @PathParam("username") String username, String body, @Context SecurityContext security) {
        UserRequests.PasswordReset request = bodies.bind(bodies.object(body), UserRequests.PasswordReset.class);
        users.resetPassword(ModelAdminResource.actor(security), username, request.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user", description = "Refused (409) for the last admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("username") String username, @Context SecurityContext security) {
        users.delete(ModelAdminResource.actor(security), username);
        return Response.noContent().build();
    }

    private static ConsoleRole role(String name) {
        return ConsoleRole.fromName(name)
                .orElseThrow(() -> RequestBodies.invalid(
                        "Invalid input: role must be one of " + String.join(", ", ConsoleRole.roleNames()),
                        "role",
                        "must be one of " + String.join(", ", ConsoleRole.roleNames())));
    }
}
