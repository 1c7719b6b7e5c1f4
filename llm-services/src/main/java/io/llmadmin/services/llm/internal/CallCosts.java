package io.llmadmin.services.llm.internal;

import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.pricing.Cost;
import io.llmadmin.services.pricing.ModelPrices;
import io.llmadmin.services.pricing.Price;
import io.llmadmin.services.pricing.PriceDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prices calls the one way both the usage record and the budget settlement use, so that the cost a budget is charged
 * is the cost the usage row shows: the model's price when the attempt started, applied to the provider's token counts
 * (or our input estimate and no output when it reported none), the input tokens it read from its prompt cache at the
 * cached-input price.
 */
@ApplicationScoped
public class CallCosts {

    private final ModelPrices prices;

    @Inject
    public CallCosts(ModelPrices prices) {
        this.prices = prices;
    }

    /** For the CDI proxy only. */
    protected CallCosts() {
        this(null);
    }

    /** Prices nothing: for recorders and guards used without a price list. */
    static CallCosts unpriced() {
        return new CallCosts(new ModelPrices() {
            @Override
            public List<Price> history(String modelId) {
                return List.of();
            }

            @Override
            public Optional<Price> at(String modelId, Instant moment) {
                return Optional.empty();
            }

            @Override
            public Price add(String actor, String modelId, PriceDraft draft) {
                throw new UnsupportedOperationException("no price list");
            }
        });
    }

    /** What the attempt cost, or empty when its model had no price then. */
    public Optional<Cost> of(CallRecord call) {
        TokenUsage tokens = call.usage().orElse(new TokenUsage(call.estimatedInputTokens(), 0));
        return prices.at(call.model(), call.startedAt())
                .map(price -> new Cost(
                        price.cost(tokens.inputTokens(), tokens.outputTokens(), tokens.cachedInputTokens()),
                        price.currency()));
    }

    /**
     * What an attempt may cost at most: the estimated input and every output token reserved, at the price in force
     * now; empty when the model has no price.
     */
    public Optional<Cost> worstCase(String modelId, Instant now, int estimatedInputTokens, int reservedOutputTokens) {
        return prices.at(modelId, now)
                .map(price -> new Cost(
                        price.cost(Math.max(0, estimatedInputTokens), Math.max(0, reservedOutputTokens), 0),
                        price.currency()));
    }
}
