/**
 * Budgets in the {@code budget} table ({@link io.llmadmin.services.budgets.internal.JpaBudgets}, audited) and their
 * spend in this instance's memory ({@link io.llmadmin.services.budgets.internal.InProcessBudgetLedger}): each period's
 * spend starts from the costs already recorded in {@code usage_record} and then moves with every hold and settlement.
 */
package io.llmadmin.services.budgets.internal;
