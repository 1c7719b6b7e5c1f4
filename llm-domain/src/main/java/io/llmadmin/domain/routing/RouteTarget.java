package io.llmadmin.domain.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One target of a {@link ModelRoute}: a model's catalog id and its share of the calls. */
@Embeddable
public class RouteTarget {

    @Column(name = "model_id", nullable = false, length = ModelRoute.MAX_ID_LENGTH)
    private String modelId;

    @Column(name = "weight", nullable = false)
    private int weight;

    /** For JPA only. */
    protected RouteTarget() {}

    /**
     * @param modelId the target model's catalog id
     * @param weight 0 to {@value ModelRoute#MAX_WEIGHT}: the share of calls is the weight over the route's total (0 keeps
     *     a target listed while it gets no calls)
     */
    public RouteTarget(String modelId, int weight) {
        if (modelId == null || modelId.isBlank() || modelId.length() > ModelRoute.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("modelId must be 1 to " + ModelRoute.MAX_ID_LENGTH + " characters");
        }
        if (weight < 0 || weight > ModelRoute.MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 0 to " + ModelRoute.MAX_WEIGHT);
        }
        this.modelId = modelId;
        this.weight = weight;
    }

    public String modelId() {
        return modelId;
    }

    public int weight() {
        return weight;
    }
}
