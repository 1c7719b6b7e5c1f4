package io.llmadmin.services.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each model's prices over time. */
public interface ModelPrices {

    /** Every price row of the model, oldest first (empty when it was never priced). */
    List<Price> history(String modelId);

    /** The price in force at {@code moment}: the latest row effective at or before it. */
    Optional<Price> at(String modelId, Instant moment);

    /**
     * Saves a new price row, audited as {@code PRICE} of the model; earlier rows stay as they are.
     *
     * @throws io.llmadmin.services.changes.InvalidChangeException naming the wrong fields
     * @throws io.llmadmin.services.changes.UnknownEntityException when no model has this catalog id
     */
    Price add(String actor, String modelId, PriceDraft draft);
}
