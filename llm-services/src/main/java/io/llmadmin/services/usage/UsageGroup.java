package io.llmadmin.services.usage;

import java.math.BigDecimal;

/**
 * The calls of one group of a usage summary.
 *
 * @param group the model id, key name, caller, or the day's or hour's start (ISO-8601, UTC); null for calls without a
 *     key when grouping by key
 * @param calls how many calls
 * @param tokensIn prompt tokens summed
 * @param tokensOut completion tokens summed
 * @param tokensCached of {@code tokensIn}, those the provider read from its prompt cache, summed
 * @param cost their cost summed (calls of unpriced models add nothing)
 * @param currency the cost's currency; {@code MIXED} when the group's prices had several; null when nothing was priced
 * @param averageLatencyMillis the mean latency
 * @param p95LatencyMillis the 95th percentile of the latency
 * @param errors calls that did not succeed
 * @param rateLimited calls refused by a rate limit (ours or the provider's) once sent
 * @param budgetRefused calls refused before they were sent because they could pass a budget
 */
public record UsageGroup(
        String group,
        long calls,
        long tokensIn,
        long tokensOut,
        long tokensCached,
        BigDecimal cost,
        String currency,
        long averageLatencyMillis,
        long p95LatencyMillis,
        long errors,
        long rateLimited,
        long budgetRefused) {

    /** Errors per call, 0 to 1. */
    public double errorRate() {
        return calls == 0 ? 0 : (double) errors / calls;
    }
}
