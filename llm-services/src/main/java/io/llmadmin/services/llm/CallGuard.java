package io.llmadmin.services.llm;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.RateLimitHeadroom;

/**
 * The rate limiter's hook: every upstream attempt is admitted before it is sent and settled after it ends.
 *
 * <p>{@link #admit} reserves the estimated input tokens and the call's {@code maxOutputTokens} (or refuses with an
 * {@link LlmRateLimitedException} carrying a retry-after; a refusal is not retried and not recorded as an attempt);
 * {@link Permit#settle} replaces the reservation with what the attempt used. Exactly one {@code settle} follows each
 * successful {@code admit}, whatever the outcome.
 */
@FunctionalInterface
public interface CallGuard {

    /**
     * Admits one attempt or refuses it.
     *
     * @throws LlmRateLimitedException when a limit would be exceeded
     */
    Permit admit(Admission admission);

    /** Admits everything. */
    static CallGuard unlimited() {
        return admission -> record -> {};
    }

    /**
     * What is about to be sent.
     *
     * @param model the model about to be called (its limits are on it)
     * @param caller who calls, or null
     * @param promptText the text of every message, to estimate input tokens from
     * @param maxOutputTokens the output tokens to reserve: the call's {@code max_tokens}, or for a chat call without one
     *     what the model may answer at most (0 when that is not known either)
     * @param estimatedInputTokens the input estimate to reserve: each message's tokens plus the chat format's framing
     */
    record Admission(
            ModelConfiguration model,
            String caller,
            String promptText,
            int maxOutputTokens,
            int estimatedInputTokens) {}

    /** One admitted attempt. */
    @FunctionalInterface
    interface Permit {

        /** The attempt ended; {@code record} says how and what it used. */
        void settle(CallRecord record);

        /** What the model's per-minute limits had left right after this admission; none when it has no limits. */
        default RateLimitHeadroom headroom() {
            return RateLimitHeadroom.NONE;
        }
    }
}
