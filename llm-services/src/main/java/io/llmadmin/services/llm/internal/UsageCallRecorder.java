package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.pricing.Cost;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Counts every upstream attempt of the chat service as a usage record: the provider's token usage when it reported
 * one, else the estimate (flagged as estimated), priced by {@link CallCosts} at the model's price when the call
 * started, with the call's prompt and answer when its model logs payloads. The recorder queues and returns at once,
 * off the request path.
 */
@ApplicationScoped
public class UsageCallRecorder implements CallRecorder {

    /** The failure name of an attempt refused by a budget before it was sent ({@link Attempts#admit}). */
    static final String BUDGET_EXHAUSTED = "BudgetExhausted";

    /** The chat service reports failures by the simple name of the exception family member. */
    private static final Map<String, UsageOutcome> FAILURES = Map.of(
            "LlmRateLimitedException",
            UsageOutcome.RATE_LIMITED,
            "LlmNotConfiguredException",
            UsageOutcome.NOT_CONFIGURED,
            "InvalidLlmRequestException",
            UsageOutcome.INVALID_REQUEST,
            "LlmAuthenticationException",
            UsageOutcome.AUTHENTICATION_FAILED,
            "LlmNotFoundException",
            UsageOutcome.NOT_FOUND,
            "LlmTimeoutException",
            UsageOutcome.TIMEOUT,
            "LlmUnavailableException",
            UsageOutcome.UPSTREAM_UNAVAILABLE,
            BUDGET_EXHAUSTED,
            UsageOutcome.BUDGET_REFUSED);

    private static final String ANONYMOUS = "anonymous";

    private final UsageRecorder usage;
    private final CallCosts costs;

    @Inject
    public UsageCallRecorder(UsageRecorder usage, CallCosts costs) {
        this.usage = usage;
        this.costs = costs;
    }

    /** Records calls without their cost. */
    public UsageCallRecorder(UsageRecorder usage) {
        this(usage, CallCosts.unpriced());
    }

    /** For the CDI proxy only. */
    protected UsageCallRecorder() {
        this(null, null);
    }

    @Override
    public void record(CallRecord call) {
        boolean estimated = call.usage().isEmpty();
        TokenUsage tokens = call.usage().orElse(new TokenUsage(call.estimatedInputTokens(), 0));
        String caller = callerOf(call);
        Cost cost = costs.of(call).orElse(null);
        usage.record(UsageEvent.endingNow(
                        call.model(),
                        caller,
                        Math.max(0, tokens.inputTokens()),
                        Math.max(0, tokens.outputTokens()),
                        estimated,
                        Math.max(0, call.latency().toMillis()),
                        outcomeOf(call),
                        cost == null ? null : cost.amount(),
                        cost == null ? null : cost.currency(),
                        UsageEvent.gatewayKeyOf(caller))
                .withTokensCached(estimated ? 0 : Math.max(0, tokens.cachedInputTokens()))
                .withPayload(call.payload()));
    }

    private static String callerOf(CallRecord call) {
        String caller = call.caller() == null || call.caller().isBlank() ? ANONYMOUS : call.caller();
        return caller.length() <= UsageRecord.MAX_CALLER_LENGTH
                ? caller
                : caller.substring(0, UsageRecord.MAX_CALLER_LENGTH);
    }

    static UsageOutcome outcomeOf(CallRecord call) {
        return switch (call.outcome()) {
            case SUCCEEDED -> UsageOutcome.SUCCESS;
            case CANCELLED -> UsageOutcome.CANCELLED;
            case FAILED -> call.failure().map(FAILURES::get).orElse(UsageOutcome.ERROR);
        };
    }
}
