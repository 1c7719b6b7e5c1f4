package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import java.util.Map;

/**
 * The use of one model over a time range.
 *
 * @param modelId the catalog id
 * @param calls how many calls, whatever their outcome
 * @param tokensIn prompt tokens summed
 * @param tokensOut completion tokens summed
 * @param averageLatencyMillis the mean latency of the calls, rounded down
 * @param callsByOutcome how many calls ended each way (outcomes with none are absent)
 */
public record ModelUsage(
        String modelId,
        long calls,
        long tokensIn,
        long tokensOut,
        long averageLatencyMillis,
        Map<UsageOutcome, Long> callsByOutcome) {

    public ModelUsage {
        callsByOutcome = Map.copyOf(callsByOutcome);
    }

    /** Calls that ended in {@link UsageOutcome#SUCCESS}. */
    public long succeeded() {
        return callsByOutcome.getOrDefault(UsageOutcome.SUCCESS, 0L);
    }
}
