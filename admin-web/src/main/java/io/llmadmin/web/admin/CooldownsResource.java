package io.llmadmin.web.admin;

import io.llmadmin.services.llm.ModelCooldown;
import io.llmadmin.services.llm.ModelCooldowns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/admin/cooldowns}: the models this instance has taken out of rotation, for admins and viewers. */
@Path("/cooldowns")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@Tag(name = "Routing", description = "Models out of rotation after repeated failures")
public class CooldownsResource {

    private final ModelCooldowns cooldowns;

    @Inject
    public CooldownsResource(ModelCooldowns cooldowns) {
        this.cooldowns = cooldowns;
    }

    /** For the CDI proxy only. */
    protected CooldownsResource() {
        this(null);
    }

    @GET
    @Operation(summary = "Models out of rotation", description = "COOLING_DOWN (skipped) or PROBING (next call tries)")
    @APIResponse(responseCode = "200", description = "One entry per model out of rotation; empty when none")
    public List<ModelCooldown> list() {
        return cooldowns.current();
    }
}
