/**
 * The two implementations of the native rate limiter and the CDI producer that picks one: {@code InProcessRateLimiter}
 * (default) keeps each model's sliding-window log in memory under one lock per model; {@code RedisRateLimiter} keeps it
 * in Redis and reserves through one Lua script per admission, so every instance enforces the same limit.
 */
package io.llmadmin.services.ratelimit.internal;
