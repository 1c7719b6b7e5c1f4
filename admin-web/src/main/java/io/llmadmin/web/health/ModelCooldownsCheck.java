package io.llmadmin.web.health;

import io.llmadmin.services.llm.ModelCooldown;
import io.llmadmin.services.llm.ModelCooldowns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The models out of rotation, as details of {@code /health/ready}: always UP (a model cooling down is served by its
 * fallbacks; the server is ready all the same), with one entry per model ({@code COOLING_DOWN} or {@code PROBING}).
 */
@Readiness
@ApplicationScoped
public class ModelCooldownsCheck implements HealthCheck {

    static final String NAME = "model-cooldowns";

    private final ModelCooldowns cooldowns;

    @Inject
    public ModelCooldownsCheck(ModelCooldowns cooldowns) {
        this.cooldowns = cooldowns;
    }

    /** For the CDI proxy only. */
    protected ModelCooldownsCheck() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (ModelCooldown cooldown : cooldowns.current()) {
            response.withData(cooldown.modelId(), cooldown.state());
        }
        return response.build();
    }
}
