package io.llmadmin.web.admin;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ModelHealth;
import io.llmadmin.services.llm.ModelHealthView;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/model-health}: the last probe of each model (admins and viewers), and a probe on demand (admins):
 * one tiny call straight to the model, with its status, latency and error.
 */
@Path("/model-health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Routing", description = "Models out of rotation, and whether each model answers")
public class ModelHealthResource {

    private final ModelHealth health;

    @Inject
    public ModelHealthResource(ModelHealth health) {
        this.health = health;
    }

    /** For the CDI proxy only. */
    protected ModelHealthResource() {
        this(null);
    }

    @GET
    @Operation(summary = "Last probe per model", description = "Models never probed on this instance are absent")
    @APIResponse(responseCode = "200", description = "One entry per probed model")
    public List<ModelHealthView> list() {
        return health.lastProbes();
    }

    @POST
    @Path("/{id}")
    @Operation(summary = "Probe a model now", description = "One tiny call; a failure is a DOWN result, not an error")
    @APIResponse(responseCode = "200", description = "The probe's result")
    @APIResponse(responseCode = "404", description = "No active model with this id")
    @APIResponse(responseCode = "400", description = "An image or speech model (not probed)")
    public ModelHealthView probe(@PathParam("id") String id) {
        try {
            return health.probe(id);
        } catch (LlmNotFoundException e) {
            throw new ApiException(ApiError.of(Response.Status.NOT_FOUND, e.getMessage()));
        } catch (InvalidLlmRequestException e) {
            throw new ApiException(ApiError.invalid(e.getMessage(), List.of(new ApiFieldError("id", e.getMessage()))));
        }
    }
}
