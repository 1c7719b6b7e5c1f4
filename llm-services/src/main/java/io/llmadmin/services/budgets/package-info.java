/**
 * Spending caps: {@link io.llmadmin.services.budgets.Budgets} keeps one budget per gateway key or model (an amount per
 * day, week or month, UTC), and {@link io.llmadmin.services.budgets.BudgetLedger} holds each call's worst-case cost
 * against every budget it falls under before the call is sent, refusing when that would pass a budget, and settles
 * the hold with the real cost afterwards, so that concurrent calls cannot together overshoot.
 */
package io.llmadmin.services.budgets;
