package io.llmadmin.services.ratelimit;

import io.llmadmin.services.errors.RateLimitHeadroom;

/**
 * One admitted call's reservation: one request, its estimated input tokens and its max_tokens of output, held in the
 * model's 60-second window from the moment of admission.
 *
 * <p>Exactly one of {@link #settle} and {@link #cancel} should be called; the first one takes effect and any later call
 * is ignored, so an error path may call {@code cancel()} without checking whether the call was settled already. A
 * permit never settled keeps its reservation until it leaves the window (60 s), which errs on the safe side.
 */
public interface RatePermit {

    /**
     * Replaces the reservation by what the provider reported: over-reserved tokens are given back to the window,
     * under-reserved ones are taken (the call has happened; a later admission pays for it). The request itself stays
     * counted. Call it also when the provider answered with an error after the request was sent, with whatever usage
     * is known (0 when none): the provider counted the request.
     *
     * @param actualInputTokens the prompt tokens the provider reported (or the estimate when it reported none), >= 0
     * @param actualOutputTokens the completion tokens the provider reported (or counted from the stream), >= 0
     * @throws IllegalArgumentException naming the parameter when a count is negative
     */
    void settle(int actualInputTokens, int actualOutputTokens);

    /**
     * Gives the whole reservation back, the request included: for a call that failed before anything was sent to the
     * provider (no key, invalid parameters, the client went away). The request does not count.
     */
    void cancel();

    /**
     * What the window's limits had left right after this admission (this call counted), for each limit that is set:
     * the gateway's {@code x-ratelimit-*} headers. Taken in the admission's own step, so it costs no further look-up.
     */
    default RateLimitHeadroom headroom() {
        return RateLimitHeadroom.NONE;
    }
}
