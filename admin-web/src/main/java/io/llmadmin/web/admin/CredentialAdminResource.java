package io.llmadmin.web.admin;

import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialCheck;
import io.llmadmin.services.vault.MasterKeyRotation;
import io.llmadmin.services.vault.NewCredential;
import io.llmadmin.services.vault.UnknownCredentialException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/credentials}: provider credentials, each bound to the endpoint its secrets may be sent to. Admins
 * create, add or replace secrets, enable, disable, test, delete and rotate the master key; viewers list and read
 * (AdminRoleFilter). Secrets are write-only; every change is audited without them.
 */
@Path("/credentials")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Credentials", description = "Provider endpoints and their secrets, encrypted in the vault")
public class CredentialAdminResource {

    private final ApiCredentials credentials;
    private final RequestBodies bodies;

    @Inject
    public CredentialAdminResource(ApiCredentials credentials, RequestBodies bodies) {
        this.credentials = credentials;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected CredentialAdminResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "List credentials", description = "By provider, then name; secrets as ****last4 only.")
    public List<CredentialResponse> list() {
        return credentials.list().stream()
                .map(summary -> CredentialResponse.of(summary, credentials.modelsUsing(summary.id())))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One credential")
    @APIResponse(responseCode = "404", description = "No such credential")
    public CredentialResponse get(@PathParam("id") long id) {
        return response(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a credential",
            description = "baseUrl defaults to the provider's official endpoint and is required for 'other'.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialRequests.NewCredential.class)))
    @APIResponse(responseCode = "201", description = "Created; the body shows the last four characters only")
    @APIResponse(responseCode = "400", description = "Invalid; fieldErrors names each wrong field")
    @APIResponse(responseCode = "409", description = "The provider has a credential of this name")
    public Response create(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        CredentialRequests.NewCredential request =
                bodies.bind(bodies.object(body), CredentialRequests.NewCredential.class);
        List<String> secrets = new ArrayList<>();
        if (request.secret() != null) {
            secrets.add(request.secret());
        }
        if (request.secrets() != null) {
            secrets.addAll(request.secrets());
        }
        long id = credentials
                .create(
                        ModelAdminResource.actor(security),
                        new NewCredential(request.provider(), request.name(), request.baseUrl(), secrets))
                .id();
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build())
                .entity(response(id))
                .build();
    }

    @POST
    @Path("/{id}/secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a secret", description = "Used in turn with the others; the same secret twice is a 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialRequests.Secret.class)))
    public CredentialResponse addSecret(@PathParam("id") long id, String body, @Context SecurityContext security) {
        credentials.addSecret(ModelAdminResource.actor(security), id, secretOf(body));
        return response(id);
    }

    @PUT
    @Path("/{id}/secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace every secret with one", description = "A key rotated at the provider.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialRequests.Secret.class)))
    public CredentialResponse replaceSecrets(@PathParam("id") long id, String body, @Context SecurityContext security) {
        credentials.replaceSecrets(ModelAdminResource.actor(security), id, secretOf(body));
        return response(id);
    }

    /** The secret a {@code {"secret": ...}} body gives (400 when it is not one). */
    private String secretOf(String body) {
        return bodies.bind(bodies.object(body), CredentialRequests.Secret.class).secret();
    }

    @POST
    @Path("/{id}/bind")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Bind a credential to its endpoint",
            description = "Only for a credential without one (migrated from per-provider keys); 409 otherwise.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialRequests.Endpoint.class)))
    public CredentialResponse bind(@PathParam("id") long id, String body, @Context SecurityContext security) {
        CredentialRequests.Endpoint request = bodies.bind(bodies.object(body), CredentialRequests.Endpoint.class);
        credentials.bind(ModelAdminResource.actor(security), id, request.baseUrl());
        return response(id);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a credential")
    public CredentialResponse enable(@PathParam("id") long id, @Context SecurityContext security) {
        credentials.enable(ModelAdminResource.actor(security), id);
        return response(id);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable a credential", description = "Kept, but never sent; models naming it fail.")
    public CredentialResponse disable(@PathParam("id") long id, @Context SecurityContext security) {
        credentials.disable(ModelAdminResource.actor(security), id);
        return response(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a credential")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A model uses it; the message names the models")
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        credentials.delete(ModelAdminResource.actor(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(
            summary = "Test a credential",
            description =
                    "One cheap authenticated call (list models) to its endpoint; never echoes the provider's text.")
    public CredentialCheck test(@PathParam("id") long id) {
        return credentials.test(id);
    }

    @POST
    @Path("/master-key/rotate")
    @Operation(
            summary = "Rotate the master key",
            description = "Re-encrypts every secret under a new master key, all or nothing.")
    public MasterKeyRotation rotateMasterKey(@Context SecurityContext security) {
        return credentials.rotateMasterKey(ModelAdminResource.actor(security));
    }

    private CredentialResponse response(long id) {
        return credentials
                .find(id)
                .map(summary -> CredentialResponse.of(summary, credentials.modelsUsing(id)))
                .orElseThrow(() -> new UnknownCredentialException(id));
    }
}
