package io.llmadmin.web.admin;

import io.llmadmin.services.modeltest.ModelTestResult;
import io.llmadmin.services.modeltest.ModelTests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/admin/models/{id}/test}: one tiny real call through the model's route (provider, endpoint,
 * credential, limits), answered as {@code {"ok", "message"}} in our words. Apart from the models resource so that the
 * registry's CRUD stays in one place and this call stays small.
 */
@Path("/models/{id}/test")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Models")
public class ModelTestResource {

    private final ModelTests tests;

    @Inject
    public ModelTestResource(ModelTests tests) {
        this.tests = tests;
    }

    /** For the CDI proxy only. */
    protected ModelTestResource() {
        this(null);
    }

    @POST
    @Operation(summary = "Test a model", description = "Chat: 'ping' with one output token; embedding: one text.")
    public ModelTestResult test(@PathParam("id") String id, @Context SecurityContext security) {
        return tests.test(ModelAdminResource.actor(security), id);
    }
}
