package io.llmadmin.services.gateway;

/**
 * A gateway key's own per-minute limits, on top of each model's; 0 means unlimited.
 *
 * @param requestsPerMinute calls in any 60 seconds
 * @param inputTokensPerMinute prompt tokens in any 60 seconds
 * @param outputTokensPerMinute answer tokens in any 60 seconds
 */
public record GatewayKeyLimits(int requestsPerMinute, int inputTokensPerMinute, int outputTokensPerMinute) {

    public static final GatewayKeyLimits UNLIMITED = new GatewayKeyLimits(0, 0, 0);

    public boolean unlimited() {
        return requestsPerMinute == 0 && inputTokensPerMinute == 0 && outputTokensPerMinute == 0;
    }
}
