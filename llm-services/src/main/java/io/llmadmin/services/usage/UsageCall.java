package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One call of the request log: its prompt and answer only when its model logged payloads then.
 *
 * @param tokensCached of {@code tokensIn}, those the provider read from its prompt cache (priced at the model's
 *     cached-input price)
 * @param prompt the call's messages (JSON), or null when not kept
 * @param completion the answer's text, or null when not kept (or there was none)
 */
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
        String currency,
        int tokensCached,
        String prompt,
        String completion) {}
