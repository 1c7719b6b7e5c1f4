package io.llmadmin.web.security;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.llmadmin.services.redis.LazyRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failed sign-ins counted in Redis ({@code REDIS_URL}), so that every instance of a deployment counts the same
 * failures and honours the same locks: five wrong passwords spread over two instances lock the user on both.
 *
 * <p>Each key is one Redis hash ({@code count}, {@code lockedUntil} in epoch milliseconds) named by the SHA-256 of the
 * throttle's key, so that a made-up user name of any length takes a few dozen bytes; it expires {@link #KEEP} after
 * its last failure (failures in a row older than that are forgotten; the in-memory store forgets them only under
 * memory pressure). Counting and locking are one Lua script, atomic across instances, with the throttle's rule
 * ({@link SignInThrottle#lockAfter}). If Redis cannot be reached, this instance counts in its memory until it can
 * again (logged once each way): sign-ins stay throttled, per instance, rather than failing.
 */
final class RedisSignInFailures implements SignInFailures, AutoCloseable {

    /** How long a key's failures are remembered after its last one. */
    static final Duration KEEP = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(RedisSignInFailures.class.getName());

    /**
     * KEYS[1] the key; ARGV: now (ms), threshold, first lock (ms), longest lock (ms), keep (ms). Returns count, locked
     * until (ms, 0 for none), 1 when this failure locked. The lock doubles per failure past the threshold as in
     * {@link SignInThrottle#lockAfter}.
     */
    private static final String COUNT_SCRIPT = """
            local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
            local lockedUntil = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
            local threshold = tonumber(ARGV[2])
            local justLocked = 0
            if count >= threshold then
              local lock = tonumber(ARGV[3]) * (2 ^ math.min(count - threshold, 20))
              lock = math.min(lock, tonumber(ARGV[4]))
              lockedUntil = tonumber(ARGV[1]) + lock
              redis.call('HSET', KEYS[1], 'lockedUntil', string.format('%d', lockedUntil))
              justLocked = 1
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return {count, lockedUntil, justLocked}
            """;

    private final LazyRedisConnection connection;
    private final String keyPrefix;
    private final InMemorySignInFailures whileRedisIsDown = new InMemorySignInFailures();
    private volatile boolean redisDown;

    RedisSignInFailures(String redisUrl, String keyPrefix) {
        this.connection = new LazyRedisConnection(redisUrl, "Sign-in throttle");
        this.keyPrefix = keyPrefix;
    }

    /** Host and port of the Redis server, never its password. */
    String where() {
        return connection.where();
    }

    @Override
    public Counted count(String key, Instant now, int threshold) {
        try {
            List<Long> result = commands()
                    .eval(
                            COUNT_SCRIPT,
                            ScriptOutputType.MULTI,
                            new String[] {redisKey(key)},
                            Long.toString(now.toEpochMilli()),
                            Integer.toString(threshold),
                            Long.toString(SignInThrottle.FIRST_LOCK.toMillis()),
                            Long.toString(SignInThrottle.MAX_LOCK.toMillis()),
                            Long.toString(KEEP.toMillis()));
            reachable();
            long lockedUntil = result.get(1);
            return new Counted(
                    Math.toIntExact(result.get(0)),
                    lockedUntil == 0 ? null : Instant.ofEpochMilli(lockedUntil),
                    result.get(2) == 1);
        } catch (RedisException e) {
            unreachable(e);
            return whileRedisIsDown.count(key, now, threshold);
        }
    }

    @Override
    public Optional<Instant> lockedUntil(String key, Instant now) {
        try {
            String lockedUntil = commands().hget(redisKey(key), "lockedUntil");
            reachable();
            if (lockedUntil == null) {
                return Optional.empty();
            }
            Instant until = Instant.ofEpochMilli(Long.parseLong(lockedUntil));
            return until.isAfter(now) ? Optional.of(until) : Optional.empty();
        } catch (RedisException e) {
            unreachable(e);
            return whileRedisIsDown.lockedUntil(key, now);
        }
    }

    @Override
    public void forget(String key) {
        whileRedisIsDown.forget(key);
        try {
            commands().del(redisKey(key));
            reachable();
        } catch (RedisException e) {
            unreachable(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private RedisCommands<String, String> commands() {
        return connection.get().sync();
    }

    /** The key's Redis name: the prefix and the SHA-256 of the key (user names can be long and anything). */
    String redisKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return keyPrefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private void reachable() {
        if (redisDown) {
            redisDown = false;
            LOG.info(() -> "Sign-in failures are counted in Redis at " + where() + " again");
        }
    }

    private void unreachable(RedisException e) {
        if (!redisDown) {
            redisDown = true;
            LOG.warning(() -> "Redis at " + where() + " cannot be reached ("
                    + e.getClass().getSimpleName()
                    + "): sign-in failures are counted in this instance's memory until it can");
        }
    }
}
