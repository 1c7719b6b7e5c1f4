package io.llmadmin.services.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one upstream attempt did, for the rate limiter's settlement and for usage records. Never holds a prompt, an
 * answer or a key.
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
        int estimatedInputTokens) {}
