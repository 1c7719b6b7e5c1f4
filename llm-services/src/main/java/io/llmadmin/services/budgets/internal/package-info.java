/**
 * Budgets in the {@code budget} table ({@link io.llmadmin.services.budgets.internal.JpaBudgets}, audited) and their
 * spend ({@link io.llmadmin.services.budgets.internal.DefaultBudgetLedger} over
 * {@link io.llmadmin.services.budgets.internal.BudgetWindows}: Redis when {@code REDIS_URL} is set, this instance's
 * memory otherwise): each period's spend starts from the costs already recorded in {@code usage_record} and then moves
 * with every hold and settlement.
 */
package io.llmadmin.services.budgets.internal;
