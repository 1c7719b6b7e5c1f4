package io.llmadmin.web.admin;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.ollama.ModelSelection;
import io.llmadmin.services.ollama.OllamaModels;
import io.llmadmin.services.ollama.SelectionCriteria;
import io.llmadmin.services.ollama.SizeCategory;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * {@code /api/admin/ollama}: the local models on Ollama servers. Admins pull, remove and register; viewers may list,
 * watch pulls and ask for a selection (AdminRoleFilter). Model names go in bodies and query parameters, not in paths,
 * because they may hold {@code /} ({@code hf.co/org/model:tag}).
 */
@Path("/ollama")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Ollama", description = "Local models: list, pull, remove, register, select")
public class OllamaAdminResource {

    private final OllamaModels ollama;
    private final ModelSelection selection;
    private final RequestBodies bodies;

    @Inject
    public OllamaAdminResource(OllamaModels ollama, ModelSelection selection, RequestBodies bodies) {
        this.ollama = ollama;
        this.selection = selection;
        this.bodies = bodies;
    }

    /** For the CDI proxy only. */
    protected OllamaAdminResource() {
        this(null, null, null);
    }

    @GET
    @Path("/endpoints")
    @Operation(summary = "The Ollama endpoints in use", description = "The default, OLLAMA_ENDPOINTS and the catalog's")
    public OllamaResponses.Endpoints endpoints() {
        return new OllamaResponses.Endpoints(ollama.endpoints());
    }

    @GET
    @Path("/models")
    @Operation(
            summary = "The models installed at an endpoint",
            description = "Smallest first, with size category (small < 5 GB, medium 5-20 GB, large > 20 GB) and the"
                    + " catalog models routed to each.")
    @APIResponse(responseCode = "200", description = "The models")
    @APIResponse(responseCode = "400", description = "A bad or disallowed endpoint, or a bad category")
    @APIResponse(responseCode = "503", description = "Ollama is unreachable (the message names the endpoint)")
    public List<OllamaResponses.Model> models(
            @QueryParam("endpoint") String endpoint, @QueryParam("category") String category) {
        List<ApiFieldError> errors = new ArrayList<>();
        SizeCategory wanted = OllamaResponses.category(errors, "category", category);
        QueryParameters.throwIfAny(errors);
        return ollama.list(endpoint, wanted).stream()
                .map(OllamaResponses.Model::of)
                .toList();
    }

    @DELETE
    @Path("/models")
    @Operation(
            summary = "Remove a model from the Ollama server",
            description = "Refused (409) while a catalog model is routed to it, unless confirm=true.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The server has no such model")
    @APIResponse(responseCode = "409", description = "A catalog model uses it; repeat with confirm=true")
    public Response remove(
            @QueryParam("endpoint") String endpoint,
            @QueryParam("model") String model,
            @QueryParam("confirm") String confirm,
            @Context SecurityContext security) {
        List<ApiFieldError> errors = new ArrayList<>();
        Boolean confirmed = QueryParameters.bool(errors, "confirm", confirm);
        QueryParameters.throwIfAny(errors);
        ollama.remove(ModelAdminResource.actor(security), endpoint, model, Boolean.TRUE.equals(confirmed));
        return Response.noContent().build();
    }

    @POST
    @Path("/models/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an installed model to the catalog",
            description = "Type, context length, vision and tools from /api/show; id derived from the name if absent.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OllamaResponses.RegisterRequest.class)))
    @APIResponse(responseCode = "201", description = "Registered; the body holds the catalog id")
    @APIResponse(responseCode = "404", description = "The server has no such model")
    @APIResponse(responseCode = "409", description = "The catalog id is taken")
    public Response register(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        OllamaResponses.RegisterRequest request =
                bodies.bind(bodies.object(body), OllamaResponses.RegisterRequest.class);
        String id =
                ollama.register(ModelAdminResource.actor(security), request.endpoint(), request.model(), request.id());
        return Response.created(
                        uriInfo.getBaseUriBuilder().path("models").path(id).build())
                .entity(new OllamaResponses.Registered(id))
                .build();
    }

    @POST
    @Path("/pulls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pull a model in the background",
            description = "Answers at once; follow the job at its Location. Refused at once (409) when running pulls"
                    + " already take all the free space (OLLAMA_FREE_SPACE_BYTES, and the real free space of"
                    + " OLLAMA_MODELS_DIR for a local Ollama); the job fails TOO_LARGE when its layers need more than"
                    + " is left.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OllamaResponses.PullRequest.class)))
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "A bad or disallowed endpoint, name or digest")
    @APIResponse(responseCode = "409", description = "No free space left on the endpoint; the message says how much")
    public Response startPull(String body, @Context SecurityContext security, @Context UriInfo uriInfo) {
        OllamaResponses.PullRequest request = bodies.bind(bodies.object(body), OllamaResponses.PullRequest.class);
        var job = ollama.startPull(
                ModelAdminResource.actor(security), request.endpoint(), request.model(), request.expectedDigest());
        return Response.accepted(OllamaResponses.Pull.of(job))
                .location(uriInfo.getAbsolutePathBuilder().path(job.id()).build())
                .build();
    }

    @GET
    @Path("/pulls")
    @Operation(summary = "The latest pulls, newest first")
    public List<OllamaResponses.Pull> pulls(@QueryParam("limit") String limit) {
        List<ApiFieldError> errors = new ArrayList<>();
        int max = QueryParameters.integer(errors, "limit", limit, 20);
        if (max < 1 || max > 200) {
            errors.add(new ApiFieldError("limit", "must be between 1 and 200"));
        }
        QueryParameters.throwIfAny(errors);
        return ollama.recentPulls(max).stream().map(OllamaResponses.Pull::of).toList();
    }

    @GET
    @Path("/pulls/{id}")
    @Operation(summary = "One pull, with its progress")
    @APIResponse(responseCode = "200", description = "The pull")
    @APIResponse(responseCode = "404", description = "No such pull")
    public OllamaResponses.Pull pull(@PathParam("id") String id) {
        return ollama.pull(id)
                .map(OllamaResponses.Pull::of)
                .orElseThrow(() -> new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No pull '" + id + "'")));
    }

    @POST
    @Path("/pulls/{id}/cancel")
    @Operation(summary = "Cancel a running pull", description = "It ends CANCELLED within a moment.")
    @APIResponse(responseCode = "200", description = "Cancellation asked for")
    @APIResponse(responseCode = "404", description = "No such pull")
    @APIResponse(responseCode = "409", description = "It has already ended")
    public OllamaResponses.Pull cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return OllamaResponses.Pull.of(ollama.cancelPull(ModelAdminResource.actor(security), id));
    }

    @GET
    @Path("/select")
    @Operation(
            summary = "Choose a model by criteria",
            description = "Ranks the active models that fit: smallest first, then lowest measured latency.")
    @APIResponse(responseCode = "200", description = "The choice, the ranking and why")
    @APIResponse(responseCode = "404", description = "No suitable model")
    public OllamaResponses.Choice select(
            @QueryParam("type") String type,
            @QueryParam("minContextLength") String minContextLength,
            @QueryParam("vision") String vision,
            @QueryParam("tools") String tools,
            @QueryParam("maxCategory") String maxCategory,
            @QueryParam("provider") String provider) {
        List<ApiFieldError> errors = new ArrayList<>();
        ModelType modelType = null;
        if (type == null || type.isBlank()) {
            errors.add(new ApiFieldError("type", "is required: one of " + ModelType.apiNames()));
        } else {
            modelType = ModelType.fromLabel(type.trim()).orElse(null);
            if (modelType == null) {
                errors.add(new ApiFieldError("type", "must be one of " + ModelType.apiNames()));
            }
        }
        int minContext = QueryParameters.integer(errors, "minContextLength", minContextLength, 0);
        if (minContext < 0) {
            errors.add(new ApiFieldError("minContextLength", "must be >= 0"));
        }
        Boolean needsVision = QueryParameters.bool(errors, "vision", vision);
        Boolean needsTools = QueryParameters.bool(errors, "tools", tools);
        SizeCategory max = OllamaResponses.category(errors, "maxCategory", maxCategory);
        QueryParameters.throwIfAny(errors);
        return OllamaResponses.Choice.of(selection.select(new SelectionCriteria(
                modelType,
                minContext,
                needsVision,
                needsTools,
                max,
                provider == null || provider.isBlank() ? null : provider.trim())));
    }
}
