package io.llmadmin.services.benchmarks;

import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import io.llmadmin.services.ratelimit.internal.RedisRateLimiter;
import io.llmadmin.services.testsupport.TestRedis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one rate-limit decision, as the LLM call pipeline pays it: {@code admit} + {@code settle} of an admitted
 * call (all three limits set, never full), and {@code admit} of a call refused because the minute's requests are used
 * up. {@code store=redis} runs against the real Redis ({@code LLMADMIN_TEST_REDIS_URL}, default
 * {@code redis://127.0.0.1:6379}) under a key prefix of its own, deleted afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimiterBenchmark {

    /** Never full: the window of a 1,000-calls-a-second model holds at most 60,000 reservations. */
    private static final RateLimits ROOMY = new RateLimits(1_000_000, 1_000_000_000, 1_000_000_000);

    private static final RateLimits FULL = new RateLimits(60, 0, 0);

    @Param({"in-process", "redis"})
    public String store;

    private RateLimiter limiter;
    private RateLimiter fullLimiter;
    private String redisUrl;
    private String redisPrefix;

    @Setup(Level.Trial)
    public void setUp() {
        // The full model's clock stands still, so its 60 requests never leave the window during the run.
        Clock stopped = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
        if (store.equals("redis")) {
            redisUrl = TestRedis.requireUrl();
            redisPrefix = TestRedis.uniquePrefix();
            limiter = RedisRateLimiter.create(redisUrl, redisPrefix, new SteppingClock());
            fullLimiter = RedisRateLimiter.create(redisUrl, redisPrefix, stopped);
        } else {
            limiter = new InProcessRateLimiter(new SteppingClock());
            fullLimiter = new InProcessRateLimiter(stopped);
        }
        for (int call = 0; call < 60; call++) {
            fullLimiter.admit("full", FULL, 0, 0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (limiter instanceof RedisRateLimiter redis) {
            redis.close();
            ((RedisRateLimiter) fullLimiter).close();
            TestRedis.deleteKeys(redisUrl, redisPrefix);
        }
    }

    @Benchmark
    public RatePermit admitAndSettle() {
        RatePermit permit = limiter.admit("roomy", ROOMY, 1_200, 512);
        permit.settle(1_180, 300);
        return permit;
    }

    @Benchmark
    public Object admitRefused() {
        try {
            return fullLimiter.admit("full", FULL, 0, 0);
        } catch (LlmRateLimitedException refused) {
            return refused;
        }
    }
}
