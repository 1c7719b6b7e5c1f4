package io.llmadmin.services.budgets;

import io.llmadmin.services.pricing.Cost;

/** Holds calls' costs against the budgets they fall under. */
public interface BudgetLedger {

    /**
     * Holds a call's worst-case cost against the budget of its gateway key and of its model, or refuses it.
     *
     * @param gatewayKey the gateway key's name, or null when the call did not come through the gateway
     * @param modelId the model's catalog id
     * @param worstCase the most the call can cost
     * @throws io.llmadmin.services.errors.LlmRateLimitedException ({@code budgetExhausted()}) naming the budget the
     *     call would pass
     */
    Hold hold(String gatewayKey, String modelId, Cost worstCase);

    /** A held cost; exactly one of its methods is called, once. */
    interface Hold {

        /** The call ended and cost this (null: nothing, as when the model has no price any more). */
        void settle(Cost actual);

        /** Nothing is held. */
        Hold NONE = actual -> {};
    }
}
