/**
 * Per-model rate limits: requests, input tokens and output tokens per minute, all three at once, with zero
 * overshoot. {@link io.llmadmin.services.ratelimit.RateLimiter} is the entry point of every native call: {@code admit}
 * before the provider is contacted, then {@link io.llmadmin.services.ratelimit.RatePermit#settle} with the reported
 * usage, or {@link io.llmadmin.services.ratelimit.RatePermit#cancel} when the provider was never contacted (the request
 * then does not count).
 *
 * <p><b>Algorithm: an exact sliding window, not a token bucket.</b> Each model keeps a log of its reservations of the
 * last 60 seconds (admission time, 1 request, input tokens, output tokens) and their running sums. A call is admitted
 * when, for every limit set, the sum in the window plus what the call reserves stays within the limit (a token
 * reservation of 0 still needs one token left); then one request, the estimated input tokens and the max_tokens for
 * output are added to the log in the same step, or, when any limit is full, nothing at all. A reservation leaves the
 * window 60 seconds after its admission. So in <em>any</em> 60-second interval the admitted reservations never exceed
 * a limit: a token bucket refilled per minute would let up to twice the limit through across a minute boundary. The
 * retry-after of a refusal is the moment enough of the oldest reservations leave the window for the call to fit (an
 * upper bound, since settlements can give room back sooner). Settlement replaces a reservation's tokens by the
 * provider's counts while it is in the window; tokens used beyond the reservation (an input estimate that was too
 * low, or output of a call without max_tokens) are charged to the window, so later calls pay for them: that is the
 * only way a window's token sum can pass a limit, and only by what the provider used beyond what was reserved. Limits
 * are passed with each admission, so an edit applies to the next one, counted against what the window already holds.
 *
 * <p><b>Atomicity.</b> In-process ({@code InProcessRateLimiter}, the default), one lock per model guards the check and
 * the reservation of all three limits. With {@code REDIS_URL} set ({@code RedisRateLimiter}), the log lives in Redis
 * (per model a sorted set of reservations, each carrying its amounts, scored by admission time, and a hash of
 * the sums, under {@code RATE_LIMIT_REDIS_KEY_PREFIX}, timed by the Redis server's clock) and one Lua script per
 * admission checks and reserves the three limits; Redis runs a script alone, so every instance enforces one limit.
 * There, a refusal's retry-after walks at most the 1,000 oldest reservations; past that it is early rather than late.
 * Bucket4j was not used: it consumes the same number of tokens from every bandwidth of a bucket and has no transaction
 * across three buckets, so it cannot reserve 1 request, N input and M output tokens as one step.
 *
 * <p><b>What remains.</b> Each admission ({@link io.llmadmin.services.ratelimit.RatePermit#headroom}) and each
 * refusal ({@link io.llmadmin.services.errors.LlmRateLimitedException#headroom}) tells, in the same atomic step, what
 * every set limit has left with the call counted and when its window next frees room (the oldest reservation counted
 * against it leaves; for a refusing limit, when the call would fit): the gateway's {@code x-ratelimit-*} headers.
 *
 * <p><b>The legacy limiter</b> (record first, then wait while a total is strictly greater than its limit) serves
 * only the deprecated facade, so it lives there: {@code io.llmadmin.legacy.SlidingWindowLimiter} in legacy-compat.
 */
package io.llmadmin.services.ratelimit;
