package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.users.ConsoleUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/me}: who the caller is, and their own password (admins and viewers). */
@Path("/me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Account", description = "The signed-in user")
public class AccountResource {

    private final ConsoleUsers users;
    private final RequestBodies bodies;

    @Inject
    public AccountResource(ConsoleUsers users, RequestBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected AccountResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "Who am I", description = "The user name and role of the caller.")
    public JsonObject me(@Context SecurityContext security) {
        String username = ModelAdminResource.actor(security);
        String role = security.isUserInRole("admin") ? "admin" : "viewer";
        return JSON.createObjectBuilder()
                .add("username", username)
                .add("role", role)
                .build();
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my password", description = "Needs the current password; at least 12 characters.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserRequests.PasswordChange.class)))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Wrong current password or too short a new one")
    public Response changePassword(String body, @Context SecurityContext security) {
        UserRequests.PasswordChange request = bodies.bind(bodies.object(body), UserRequests.PasswordChange.class);
        users.changeOwnPassword(ModelAdminResource.actor(security), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }
}
