package io.llmadmin.services.ratelimit;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmUnavailableException;

/**
 * Admits or refuses LLM calls against a model's three per-minute limits (requests, input tokens, output tokens) at
 * once, with zero overshoot: admission reserves all three atomically or none. The LLM call pipeline calls
 * {@link #admit} before it contacts the provider and then {@link RatePermit#settle} with the reported usage (or
 * {@link RatePermit#cancel} when the provider was never contacted).
 *
 * <p>Inject it (CDI, application scoped): it is in-process by default and shared by every instance through Redis when
 * {@code REDIS_URL} is set. See the package documentation for the algorithm.
 */
public interface RateLimiter {

    /**
     * Reserves one request, {@code estimatedInputTokens} and {@code maxOutputTokens} in the model's current 60-second
     * window, or nothing. A limit of 0 is not checked. A token limit admits a request while the window has room for its
     * reservation and at least one token is left, so a request with {@code maxOutputTokens} 0 (not known) is refused
     * once the output budget of the minute is used up.
     *
     * @param modelId the model's catalog id: each model has its own window
     * @param limits the model's limits now; the newest ones apply to each admission (an edit takes effect at once)
     * @param estimatedInputTokens the prompt's estimated tokens (see
     *     {@link io.llmadmin.services.tokens.TokenEstimator#estimateChatInputTokens}), >= 0
     * @param maxOutputTokens the request's max_tokens, or 0 when it sets none, >= 0
     * @return the reservation, to settle or cancel
     * @throws LlmRateLimitedException when any limit would be exceeded; its retry-after says when the window will have
     *     room (an upper bound: settlements may free room sooner); nothing is reserved
     * @throws InvalidLlmRequestException when the request alone is larger than a token limit ({@code max_tokens} or
     *     {@code messages} named as the parameter): it could never be admitted
     * @throws LlmUnavailableException when the shared limit store (Redis) cannot be reached; the call is refused
     * @throws IllegalArgumentException when a count is negative or the model id is blank
     */
    RatePermit admit(String modelId, RateLimits limits, int estimatedInputTokens, int maxOutputTokens);
}
