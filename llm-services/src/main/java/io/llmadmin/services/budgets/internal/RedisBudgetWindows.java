package io.llmadmin.services.budgets.internal;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.redis.LazyRedisConnection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Budget spend shared by every instance: each budget's current period is a Redis hash ({@code spent},
 * {@code reserved}, in billionths of the currency), and a Lua script checks and reserves all of a call's budgets in
 * one atomic step on the server, so calls on any instance cannot together pass an amount. A window opens with the
 * costs already recorded in {@code usage_record} (the first hold finds no hash and asks for them) and expires a day
 * after its period ends. All keys share one hash tag, so a script's keys lie in one Redis Cluster slot.
 *
 * <p>If Redis cannot be reached, holds are refused with {@link LlmUnavailableException} (fail closed, as the rate
 * limiter); a settlement that cannot be sent is logged and dropped, leaving the hold counted until the period ends.
 */
final class RedisBudgetWindows implements BudgetWindows, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisBudgetWindows.class.getName());
    private static final int SCALE = 9;
    private static final String NO_SEED = "-1";

    // ARGV[1] the hold; then per window i: ARGV[3i-1] its amount, ARGV[3i] its opening spend (-1: not read), ARGV[3i+1]
    // its time to live in seconds. Answers {1} held, {0, i, spent, reserved} refused by window i, {-1, i} window i
    // must be opened with its recorded spend.
    private static final String HOLD = """
            for i, key in ipairs(KEYS) do
              if redis.call('EXISTS', key) == 0 then
                if ARGV[3 * i] == '-1' then return {-1, i} end
                redis.call('HSET', key, 'spent', ARGV[3 * i], 'reserved', '0')
                redis.call('EXPIRE', key, ARGV[3 * i + 1])
              end
            end
            local need = tonumber(ARGV[1])
            for i, key in ipairs(KEYS) do
              local spent = tonumber(redis.call('HGET', key, 'spent'))
              local reserved = tonumber(redis.call('HGET', key, 'reserved'))
              if spent + reserved + need > tonumber(ARGV[3 * i - 1]) then
                return {0, i, redis.call('HGET', key, 'spent'), redis.call('HGET', key, 'reserved')}
              end
            end
            for i, key in ipairs(KEYS) do redis.call('HINCRBY', key, 'reserved', ARGV[1]) end
            return {1}
            """;

    // ARGV[1] the hold, ARGV[2] the real cost; a window that expired (its period is over) is left alone.
    private static final String SETTLE = """
            for i, key in ipairs(KEYS) do
              if redis.call('EXISTS', key) == 1 then
                if redis.call('HINCRBY', key, 'reserved', '-' .. ARGV[1]) < 0 then
                  redis.call('HSET', key, 'reserved', '0')
                end
                redis.call('HINCRBY', key, 'spent', ARGV[2])
              end
            end
            return 1
            """;

    private final LazyRedisConnection redis;
    private final String keyPrefix;
    private volatile String holdSha;
    private volatile String settleSha;

    RedisBudgetWindows(String redisUrl, String keyPrefix) {
        this.redis = new LazyRedisConnection(redisUrl, "Budgets");
        this.keyPrefix = keyPrefix + "{budgets}:";
    }

    /** Host and port of the Redis server, never its password. */
    String where() {
        return redis.where();
    }

    @Override
    public void hold(List<Window> windows, BigDecimal worstCase) {
        String need = nanos(worstCase);
        String[] keys = windows.stream().map(this::key).toArray(String[]::new);
        List<String> args = new ArrayList<>(List.of(need));
        for (Window window : windows) {
            args.add(nanos(window.amount().setScale(SCALE, RoundingMode.DOWN)));
            args.add(NO_SEED);
            args.add(Long.toString(Duration.between(Instant.now(), window.end()).toSeconds() + 86_400));
        }
        List<Object> answer = run(true, keys, args);
        if (number(answer.get(0)) == -1) {
            for (int i = 0; i < windows.size(); i++) {
                args.set(3 * i + 2, nanos(windows.get(i).recordedSpend().get()));
            }
            answer = run(true, keys, args);
        }
        if (number(answer.get(0)) == 0) {
            throw new Refused((int) number(answer.get(1)) - 1, amount(answer.get(2)), amount(answer.get(3)));
        }
    }

    @Override
    public void settle(List<Window> windows, BigDecimal held, BigDecimal actual) {
        try {
            run(false, windows.stream().map(this::key).toArray(String[]::new), List.of(nanos(held), nanos(actual)));
        } catch (LlmUnavailableException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Could not settle a budget hold in Redis at " + redis.where()
                            + "; it stays counted until the period ends");
        }
    }

    @Override
    public BigDecimal[] standing(Window window) {
        try {
            List<io.lettuce.core.KeyValue<String, String>> values =
                    connection().sync().hmget(key(window), "spent", "reserved");
            if (values.get(0).hasValue()) {
                return new BigDecimal[] {
                    amount(values.get(0).getValue()), amount(values.get(1).getValue())
                };
            }
        } catch (RedisException e) {
            LOG.log(Level.WARNING, e, () -> "Could not read a budget's spend in Redis at " + redis.where());
        }
        return new BigDecimal[] {window.recordedSpend().get(), BigDecimal.ZERO};
    }

    @Override
    public void forget(long budgetId) {
        try {
            RedisCommands<String, String> redis = connection().sync();
            ScanArgs match =
                    ScanArgs.Builder.matches(keyPrefix + budgetId + ":*").limit(100);
            KeyScanCursor<String> cursor = redis.scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    redis.del(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    return;
                }
                cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
            }
        } catch (RedisException e) {
            LOG.log(Level.WARNING, e, () -> "Could not drop a changed budget's spend in Redis at " + redis.where());
        }
    }

    private String key(Window window) {
        return keyPrefix + window.budgetId() + ":" + window.budgetCreated() + ":"
                + window.start().getEpochSecond();
    }

    private static String nanos(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.CEILING).unscaledValue().toString();
    }

    private static BigDecimal amount(Object nanos) {
        return new BigDecimal(new java.math.BigInteger(nanos.toString()), SCALE).stripTrailingZeros();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private List<Object> run(boolean hold, String[] keys, List<String> args) {
        String[] values = args.toArray(String[]::new);
        try {
            RedisCommands<String, String> redis = connection().sync();
            String script = hold ? HOLD : SETTLE;
            String sha = hold ? holdSha : settleSha;
            if (sha == null) {
                sha = redis.digest(script);
                if (hold) {
                    holdSha = sha;
                } else {
                    settleSha = sha;
                }
            }
            ScriptOutputType type = hold ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER;
            Object answer;
            try {
                answer = redis.evalsha(sha, type, keys, values);
            } catch (RedisNoScriptException e) {
                answer = redis.eval(script, type, keys, values);
            }
            return hold ? castList(answer) : List.of(answer);
        } catch (RedisException e) {
            throw new LlmUnavailableException(
                    "The shared budget store (Redis at " + redis.where() + ") cannot be reached; call refused", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object answer) {
        return (List<Object>) answer;
    }

    private StatefulRedisConnection<String, String> connection() {
        return redis.get();
    }

    @Override
    public void close() {
        redis.close();
    }
}
