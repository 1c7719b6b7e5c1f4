package io.llmadmin.services.llm.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.llmadmin.services.llm.ModelHealthView;
import io.llmadmin.services.redis.RedisNotices;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the instances share about their models through Redis when {@code REDIS_URL} is set: which models are cooling
 * down (a key per model, {@code <prefix>cooldown:<id>}, expiring when its cool-down ends, and a notice on
 * {@code <prefix>changed} so that the others follow at once) and the last health probe of each model (the hash
 * {@code <prefix>health}). Without Redis, or while it cannot be reached, each instance keeps its own (nothing here
 * throws). The cool-down decisions stay Resilience4j's ({@link Resilience4jModelCooldowns}); only their outcome is
 * shared: a breaker that opens or closes on one instance is opened or closed on the others.
 */
@ApplicationScoped
public class SharedModelState {

    private static final Logger LOG = Logger.getLogger(SharedModelState.class.getName());

    /** What another instance decided about a model. */
    interface Listener {
        void opened(String modelId, Instant until, float failureRatePercent);

        void closed(String modelId);
    }

    private final String prefix;
    private final RedisNotices notices;
    private volatile Listener listener;

    @Inject
    public SharedModelState(
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "LLM_STATE_REDIS_KEY_PREFIX", defaultValue = "llmadmin:models:") String prefix) {
        this.prefix = prefix;
        this.notices = redisUrl.map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> RedisNotices.start(
                        url, prefix + "changed", "model cool-downs", this::heard, this::reloadCooldowns))
                .orElse(null);
    }

    /** Nothing shared: this instance's state only. */
    static SharedModelState inProcess() {
        return new SharedModelState(Optional.empty(), "");
    }

    /** For the CDI proxy only. */
    protected SharedModelState() {
        this.prefix = null;
        this.notices = null;
    }

    boolean shared() {
        return notices != null;
    }

    /** Starts passing the other instances' decisions on, beginning with the cool-downs running now. */
    void listen(Listener listener) {
        this.listener = listener;
        reloadCooldowns();
    }

    /** This instance took the model out of rotation until {@code until}. */
    void opened(String modelId, Instant until, float failureRatePercent) {
        if (notices == null) {
            return;
        }
        String value = until.toEpochMilli() + " " + failureRatePercent;
        try {
            commands().set(prefix + "cooldown:" + modelId, value, SetArgs.Builder.pxAt(until.toEpochMilli()));
        } catch (RuntimeException e) {
            warn("keep the cool-down of " + modelId, e);
        }
        notices.publish("OPEN " + value + " " + modelId);
    }

    /** This instance's probe call readmitted the model. */
    void closed(String modelId) {
        if (notices == null) {
            return;
        }
        try {
            commands().del(prefix + "cooldown:" + modelId);
        } catch (RuntimeException e) {
            warn("end the cool-down of " + modelId, e);
        }
        notices.publish("CLOSED " + modelId);
    }

    /** Keeps a probe's result for every instance. */
    void probed(ModelHealthView result) {
        if (notices == null) {
            return;
        }
        try {
            commands().hset(prefix + "health", result.modelId(), json(result));
        } catch (RuntimeException e) {
            warn("keep the probe of " + result.modelId(), e);
        }
    }

    /** The last probe of each model on any instance; empty when nothing is shared (or Redis cannot be read). */
    Optional<List<ModelHealthView>> probes() {
        if (notices == null) {
            return Optional.empty();
        }
        try {
            List<ModelHealthView> all = new ArrayList<>();
            for (Map.Entry<String, String> entry :
                    commands().hgetall(prefix + "health").entrySet()) {
                all.add(view(entry.getKey(), entry.getValue()));
            }
            all.sort(Comparator.comparing(ModelHealthView::modelId));
            return Optional.of(all);
        } catch (RuntimeException e) {
            warn("read the probes", e);
            return Optional.empty();
        }
    }

    private void heard(String notice) {
        Listener held = listener;
        if (held == null) {
            return;
        }
        try {
            String[] parts = notice.split(" ", 4);
            if (parts[0].equals("OPEN") && parts.length == 4) {
                held.opened(parts[3], Instant.ofEpochMilli(Long.parseLong(parts[1])), Float.parseFloat(parts[2]));
            } else if (parts[0].equals("CLOSED") && parts.length == 2) {
                held.closed(notice.substring("CLOSED ".length()));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "A cool-down notice that does not parse was ignored: "
                    + e.getClass().getName());
        }
    }

    /** Opens here every cool-down another instance started that is still running (after a start or a lost notice). */
    private void reloadCooldowns() {
        Listener held = listener;
        if (held == null || notices == null) {
            return;
        }
        try {
            RedisCommands<String, String> redis = commands();
            String keyPrefix = prefix + "cooldown:";
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(keyPrefix + "*"));
                for (String key : page.getKeys()) {
                    String value = redis.get(key);
                    if (value != null) {
                        String[] parts = value.split(" ", 2);
                        held.opened(
                                key.substring(keyPrefix.length()),
                                Instant.ofEpochMilli(Long.parseLong(parts[0])),
                                Float.parseFloat(parts[1]));
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            warn("read the running cool-downs", e);
        }
    }

    private RedisCommands<String, String> commands() {
        return notices.commands().sync();
    }

    private void warn(String what, RuntimeException e) {
        LOG.warning(() -> "Could not " + what + " in Redis at " + notices.where() + " ("
                + e.getClass().getName() + "); this instance keeps its own until it can");
    }

    private static String json(ModelHealthView result) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("status", result.status())
                .add("latencyMillis", result.latencyMillis())
                .add("checkedAt", result.checkedAt().toString());
        if (result.lastError() != null) {
            json.add("lastError", result.lastError());
        }
        return json.build().toString();
    }

    private static ModelHealthView view(String modelId, String text) {
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        return new ModelHealthView(
                modelId,
                json.getString("status"),
                json.getJsonNumber("latencyMillis").longValue(),
                json.getString("lastError", null),
                Instant.parse(json.getString("checkedAt")));
    }

    @PreDestroy
    void close() {
        if (notices != null) {
            notices.close();
        }
    }
}
