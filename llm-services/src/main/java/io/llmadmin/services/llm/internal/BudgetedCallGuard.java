package io.llmadmin.services.llm.internal;

import io.llmadmin.services.budgets.BudgetLedger;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.pricing.Cost;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts every attempt through the budgets of its gateway key and its model, around the rate limits: the attempt's
 * worst-case cost (the estimated input and every reserved output token at the model's price) is held before it is
 * sent and the hold is settled with the cost {@link CallCosts} gives the usage record, so a budget is charged exactly
 * what the usage rows show. A decorator, so the rate limiter's guard stays as it is; an unpriced model is not held.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class BudgetedCallGuard implements CallGuard {

    private final CallGuard rateLimits;
    private final BudgetLedger budgets;
    private final CallCosts costs;

    @Inject
    protected BudgetedCallGuard(@Delegate CallGuard rateLimits, BudgetLedger budgets, CallCosts costs) {
        this.rateLimits = rateLimits;
        this.budgets = budgets;
        this.costs = costs;
    }

    @Override
    public Permit admit(Admission admission) {
        String model = admission.model().catalogId();
        Optional<Cost> worstCase =
                costs.worstCase(model, Instant.now(), admission.estimatedInputTokens(), admission.maxOutputTokens());
        if (worstCase.isEmpty()) {
            return rateLimits.admit(admission);
        }
        BudgetLedger.Hold hold = budgets.hold(UsageEvent.gatewayKeyOf(admission.caller()), model, worstCase.get());
        Permit permit;
        try {
            permit = rateLimits.admit(admission);
        } catch (RuntimeException refused) {
            hold.settle(null);
            throw refused;
        }
        return new Permit() {
            @Override
            public void settle(CallRecord record) {
                try {
                    permit.settle(record);
                } finally {
                    hold.settle(costs.of(record).orElse(null));
                }
            }

            @Override
            public RateLimitHeadroom headroom() {
                return permit.headroom();
            }
        };
    }
}
