package io.llmadmin.services.llm.internal;

import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts every call of the chat service to a model through the model's rate limits: admission reserves one request, the
 * prompt's estimated tokens (with the chat format's framing) and the output reservation (the call's {@code max_tokens},
 * or the model's maximum output when it set none); the end of the call to that model (after its retries, which keep
 * the admission) settles the reservation with what the provider reported (or the estimate), whatever the outcome.
 */
@ApplicationScoped
public class RateLimitedCallGuard implements CallGuard {

    private final RateLimiter limiter;

    @Inject
    public RateLimitedCallGuard(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** For the CDI proxy only. */
    protected RateLimitedCallGuard() {
        this(null);
    }

    @Override
    public Permit admit(Admission admission) {
        int estimatedInput = admission.estimatedInputTokens();
        RatePermit permit = limiter.admit(
                admission.model().catalogId(),
                RateLimits.of(admission.model()),
                estimatedInput,
                Math.max(0, admission.maxOutputTokens()));
        return new Permit() {
            @Override
            public void settle(CallRecord record) {
                RateLimitedCallGuard.settle(permit, record, estimatedInput);
            }

            @Override
            public RateLimitHeadroom headroom() {
                return permit.headroom();
            }
        };
    }

    /** The attempt reached the provider (admission happens right before sending), so the request always counts. */
    private static void settle(RatePermit permit, CallRecord record, int estimatedInput) {
        TokenUsage usage = record.usage().orElse(new TokenUsage(estimatedInput, 0));
        permit.settle(Math.max(0, usage.inputTokens()), Math.max(0, usage.outputTokens()));
    }
}
