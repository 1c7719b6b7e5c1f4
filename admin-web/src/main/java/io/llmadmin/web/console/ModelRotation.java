package io.llmadmin.web.console;

import io.llmadmin.services.llm.ModelCooldown;
import io.llmadmin.services.llm.ModelCooldowns;
import io.llmadmin.services.llm.ModelHealth;
import io.llmadmin.services.llm.ModelHealthView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The models list's "Rotation" column: whether this instance has a model out of rotation (its cool-down) and what its
 * last health probe said. Read once per request, not per row; a bean of its own so the list's view stays unaware of it.
 */
@Named("modelRotation")
@RequestScoped
public class ModelRotation {

    private final ModelCooldowns cooldowns;
    private final ModelHealth health;
    private Map<String, ModelCooldown> cooling;
    private Map<String, ModelHealthView> probes;

    @Inject
    public ModelRotation(ModelCooldowns cooldowns, ModelHealth health) {
        this.cooldowns = cooldowns;
        this.health = health;
    }

    /** For the CDI proxy only. */
    protected ModelRotation() {
        this(null, null);
    }

    /** {@code cooling down}, {@code probing} or {@code in rotation}. */
    public String stateOf(String modelId) {
        ModelCooldown cooldown = cooling().get(modelId);
        if (cooldown == null) {
            return "in rotation";
        }
        return "PROBING".equals(cooldown.state()) ? "probing" : "cooling down";
    }

    /** Whether the model is out of rotation (for the tag's colour). */
    public boolean outOfRotation(String modelId) {
        return cooling().containsKey(modelId);
    }

    /** The last probe as {@code UP 120 ms} or {@code DOWN: <error>}; empty when never probed on this instance. */
    public String healthOf(String modelId) {
        ModelHealthView probe = probes().get(modelId);
        if (probe == null) {
            return "";
        }
        return "UP".equals(probe.status())
                ? "UP " + probe.latencyMillis() + " ms"
                : "DOWN" + (probe.lastError() == null ? "" : ": " + probe.lastError());
    }

    private Map<String, ModelCooldown> cooling() {
        if (cooling == null) {
            cooling = cooldowns.current().stream()
                    .collect(Collectors.toMap(ModelCooldown::modelId, Function.identity(), (a, b) -> a));
        }
        return cooling;
    }

    private Map<String, ModelHealthView> probes() {
        if (probes == null) {
            probes = health.lastProbes().stream()
                    .collect(Collectors.toMap(ModelHealthView::modelId, Function.identity(), (a, b) -> b));
        }
        return probes;
    }
}
