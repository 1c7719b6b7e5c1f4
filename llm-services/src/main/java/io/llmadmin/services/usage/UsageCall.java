package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import java.math.BigDecimal;
import java.time.Instant;

/** One call of the request log: never its prompt or answer. */
public record UsageCall(
        long id,
        Instant occurredAt,
        String modelId,
        String caller,
        String gatewayKey,
        int tokensIn,
        int tokensOut,
        boolean tokensEstimated,
        long latencyMillis,
        UsageOutcome outcome,
        BigDecimal cost,
        String currency) {}
