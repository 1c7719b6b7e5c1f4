package io.llmadmin.services.llm;

import java.util.List;

/**
 * Which models are out of rotation: a model whose calls keep failing is taken out for a cool-down period (calls skip it
 * and go to its fallbacks, or fail at once as unavailable), then the next call probes it back in. For the admin API and
 * the health check.
 */
public interface ModelCooldowns {

    /** The models cooling down or being probed now, by catalog id; a model in rotation is absent. */
    List<ModelCooldown> current();
}
