package io.llmadmin.services.llm;

import io.llmadmin.services.usage.CallPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one upstream attempt did, for the rate limiter's settlement and for usage records. Never holds a key; holds
 * the prompt and answer only for a model whose "log payloads" switch is on.
 *
 * @param model the catalog id of the model called
 * @param provider its provider id
 * @param kind {@code chat}, {@code stream}, {@code embedding}, {@code image} or {@code speech}
 * @param caller who called, or null
 * @param startedAt when the attempt began
 * @param latency how long it took
 * @param outcome how it ended
 * @param failure the failure's class name ({@code LlmRateLimitedException}, ...) when it failed
 * @param usage the provider's token counts, when reported; callers estimate otherwise
 * @param estimatedInputTokens our estimate of the prompt's tokens (the same number the admission carried)
 * @param payload the prompt and answer to keep with the usage row, or null (the model does not log payloads)
 */
public record CallRecord(
        String model,
        String provider,
        String kind,
        String caller,
        Instant startedAt,
        Duration latency,
        CallOutcome outcome,
        Optional<String> failure,
        Optional<TokenUsage> usage,
        int estimatedInputTokens,
        CallPayload payload) {

    /** An attempt whose prompt and answer are not kept. */
    public CallRecord(
            String model,
            String provider,
            String kind,
            String caller,
            Instant startedAt,
            Duration latency,
            CallOutcome outcome,
            Optional<String> failure,
            Optional<TokenUsage> usage,
            int estimatedInputTokens) {
        this(model, provider, kind, caller, startedAt, latency, outcome, failure, usage, estimatedInputTokens, null);
    }
}
