package io.llmadmin.services.ratelimit.internal;

import static io.llmadmin.services.ratelimit.internal.LimitKind.WINDOW_MILLIS;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import io.llmadmin.services.redis.LazyRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The limiter shared by every instance: each model's sliding-window log lives in Redis, and a Lua script checks and
 * reserves the three limits in one atomic step on the server (see {@code admit.lua}), so two instances can never
 * both take the last unit of a limit. Time comes from the Redis server's clock, so the instances' clocks need not
 * agree.
 *
 * <p>If Redis cannot be reached, admissions are refused with {@link LlmUnavailableException} (fail closed: no limit is
 * exceeded because Redis is down); a settlement or cancellation that cannot be sent is logged and dropped, which leaves
 * the full reservation counted until it leaves the window.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());

    /**
     * How many of the oldest reservations a refusal walks to compute its retry-after, so that a storm of refusals on a
     * model with thousands of small reservations cannot keep Redis busy. Past it, the retry-after is when the last one
     * walked leaves the window: early rather than late, and the caller is then told again.
     */
    static final int RETRY_AFTER_WALK_LIMIT = 1000;

    private final LazyRedisConnection connection;
    private final String where;
    private final String keyPrefix;
    private final Clock clock;
    private final Script admit = Script.load("admit.lua");
    private final Script settle = Script.load("settle.lua");
    private final Script cancel = Script.load("cancel.lua");
    private volatile boolean closed;

    /**
     * A limiter on the Redis server at {@code redisUrl}, timed by the server's clock. Connects on first use.
     *
     * @param redisUrl e.g. {@code redis://127.0.0.1:6379} or {@code rediss://:password@host:6380/0}
     * @param keyPrefix put before every key, e.g. {@code llmadmin:ratelimit:}
     */
    public static RedisRateLimiter create(String redisUrl, String keyPrefix) {
        return create(redisUrl, keyPrefix, null);
    }

    /**
     * As {@link #create(String, String)}, timed by {@code clock} instead of the server's clock: for tests and
     * benchmarks, whose instances share one clock. Production uses the server's clock, which all instances agree on.
     */
    public static RedisRateLimiter create(String redisUrl, String keyPrefix, Clock clock) {
        return new RedisRateLimiter(new LazyRedisConnection(redisUrl, "Rate limiter"), keyPrefix, clock);
    }

    private RedisRateLimiter(LazyRedisConnection connection, String keyPrefix, Clock clock) {
        this.connection = connection;
        this.where = connection.where();
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.clock = clock;
    }

    /** Host and port of the Redis server, never its password. */
    public String where() {
        return where;
    }

    @Override
    public RatePermit admit(String modelId, RateLimits limits, int estimatedInputTokens, int maxOutputTokens) {
        LimitKind.validate(modelId, limits, estimatedInputTokens, maxOutputTokens);
        if (closed) {
            throw new IllegalStateException("The rate limiter was closed: the application is stopping");
        }
        String[] keys = keys(modelId);
        String reservation = reservation(newReservationId(), 1, estimatedInputTokens, maxOutputTokens);
        List<Object> answer;
        try {
            answer = run(
                    admit,
                    ScriptOutputType.MULTI,
                    keys,
                    Long.toString(clock == null ? 0 : clock.millis()),
                    Long.toString(WINDOW_MILLIS),
                    Integer.toString(limits.requestsPerMinute()),
                    Integer.toString(limits.inputTokensPerMinute()),
                    Integer.toString(limits.outputTokensPerMinute()),
                    Integer.toString(estimatedInputTokens),
                    Integer.toString(maxOutputTokens),
                    reservation,
                    Integer.toString(RETRY_AFTER_WALK_LIMIT));
        } catch (RedisException e) {
            throw new LlmUnavailableException(
                    "The shared rate-limit store (Redis at " + where + ") cannot be reached; call refused", e);
        }
        if (number(answer, 0) == 1) {
            return new RedisPermit(
                    keys, reservation, LimitKind.headroom(limits, numbers(answer, 1), numbers(answer, 4)));
        }
        LimitKind full = LimitKind.ofIndex((int) number(answer, 1) - 1);
        long[] need = {1, estimatedInputTokens, maxOutputTokens};
        long[] used = numbers(answer, 3);
        long retryAfter = number(answer, 2);
        long[] resets = numbers(answer, 6);
        for (LimitKind kind : LimitKind.values()) {
            // Every limit the call does not fit is free again, for this call, when the refusal's retry-after says.
            if (LimitKind.excess(used[kind.ordinal()], need[kind.ordinal()], kind.limitOf(limits)) > 0) {
                resets[kind.ordinal()] = retryAfter;
            }
        }
        throw full.refusal(modelId, used[full.ordinal()], need[full.ordinal()], full.limitOf(limits), retryAfter)
                .withHeadroom(LimitKind.headroom(limits, used, resets));
    }

    /** The three numbers of the script's answer from {@code from} on: requests, input and output tokens. */
    private static long[] numbers(List<Object> answer, int from) {
        return new long[] {number(answer, from), number(answer, from + 1), number(answer, from + 2)};
    }

    private String[] keys(String modelId) {
        // One hash tag per model keeps its three keys in one slot of a Redis Cluster.
        String base = keyPrefix + "{" + modelId + "}:";
        return new String[] {base + "log", base + "sums"};
    }

    /** A reservation as the log holds it: its amounts travel with it, so expiring it needs no other lookup. */
    private static String reservation(String id, int requests, int inputTokens, int outputTokens) {
        return id + ":" + requests + ":" + inputTokens + ":" + outputTokens;
    }

    private static String newReservationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private static long number(List<Object> answer, int index) {
        return ((Number) answer.get(index)).longValue();
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisCommands<String, String> redis = connection.get().sync();
        try {
            return (T) redis.evalsha(script.sha(redis), type, keys, args);
        } catch (RedisNoScriptException e) {
            // Redis restarted or its script cache was flushed: EVAL runs the script and caches it again.
            return (T) redis.eval(script.text(), type, keys, args);
        }
    }

    /** Closes the connection and the client's threads. */
    @Override
    public void close() {
        closed = true;
        connection.close();
    }

    private final class RedisPermit extends OncePermit {

        private final String[] keys;
        private final String reservation;
        private final RateLimitHeadroom headroom;

        RedisPermit(String[] keys, String reservation, RateLimitHeadroom headroom) {
            this.keys = keys;
            this.reservation = reservation;
            this.headroom = headroom;
        }

        @Override
        public RateLimitHeadroom headroom() {
            return headroom;
        }

        @Override
        protected void doSettle(int actualInputTokens, int actualOutputTokens) {
            String id = reservation.substring(0, reservation.indexOf(':'));
            String settled = reservation(id, 1, actualInputTokens, actualOutputTokens);
            send("settle", () -> run(settle, ScriptOutputType.INTEGER, keys, reservation, settled));
        }

        @Override
        protected void doCancel() {
            send("cancel", () -> run(cancel, ScriptOutputType.INTEGER, keys, reservation));
        }

        private void send(String what, Runnable command) {
            try {
                command.run();
            } catch (RedisException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "Could not " + what + " a rate-limit reservation in Redis at " + where
                                + "; it stays counted until it leaves the 60 s window");
            }
        }
    }

    /** A Lua script shipped beside this class, with its SHA-1 digest as Redis computes it. */
    private static final class Script {

        private final String text;
        private volatile String sha;

        private Script(String text) {
            this.text = text;
        }

        static Script load(String name) {
            try (InputStream in = RedisRateLimiter.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + name + " beside " + RedisRateLimiter.class);
                }
                return new Script(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return text;
        }

        String sha(RedisCommands<String, String> redis) {
            String held = sha;
            if (held == null) {
                held = redis.digest(text);
                sha = held;
            }
            return held;
        }
    }
}
