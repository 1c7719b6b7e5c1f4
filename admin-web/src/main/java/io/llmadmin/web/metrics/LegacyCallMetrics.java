package io.llmadmin.web.metrics;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes this instance's calls into the legacy facade as application metrics, one series per legacy function and
 * calling class: the counter {@code legacy_calls_total{function,caller}} and the gauge
 * {@code legacy_calls_last_seen_seconds{function,caller}} (epoch seconds of the latest call). Each instance counts its
 * own calls, as Prometheus expects; the sum over every instance and restart is the console's migration page.
 */
@ApplicationScoped
public class LegacyCallMetrics {

    static final String CALLS = "legacy.calls";
    static final String LAST_SEEN = "legacy.calls.last.seen";

    private static final Metadata CALLS_METADATA = Metadata.builder()
            .withName(CALLS)
            .withDescription("Calls into the deprecated legacy facade (models.py) by legacy function and calling class")
            .build();
    private static final Metadata LAST_SEEN_METADATA = Metadata.builder()
            .withName(LAST_SEEN)
            .withDescription("When the legacy function was last called by the class, in seconds since the epoch")
            .withUnit(MetricUnits.SECONDS)
            .build();

    private final MetricRegistry registry;
    private final LegacyCallCounts counts;
    private final ConcurrentMap<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final LegacyCallCounts.Listener onCall = this::count;

    @Inject
    public LegacyCallMetrics(MetricRegistry registry) {
        this(registry, LegacyCallCounts.processWide());
    }

    LegacyCallMetrics(MetricRegistry registry, LegacyCallCounts counts) {
        this.registry = registry;
        this.counts = counts;
    }

    /** For the CDI proxy only. */
    protected LegacyCallMetrics() {
        this(null, null);
    }

    /**
     * Starts publishing when the application starts, with the calls counted before (a legacy caller's own start-up).
     * A call made while this runs may be counted twice in the metrics (never in the stored history): a race of one
     * start-up, accepted rather than making every count take a lock.
     */
    void publishOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        counts.subscribe(onCall);
        for (LegacyCallCount earlier : counts.counts()) {
            counter(earlier.function(), earlier.callerClass()).inc(earlier.calls());
        }
    }

    @PreDestroy
    void stopPublishing() {
        counts.unsubscribe(onCall);
    }

    private void count(String function, String callerClass) {
        counter(function, callerClass).inc();
    }

    private Counter counter(String function, String callerClass) {
        return counters.computeIfAbsent(List.of(function, callerClass), pair -> {
            Tag[] tags = {new Tag("function", function), new Tag("caller", callerClass)};
            registry.gauge(
                    LAST_SEEN_METADATA,
                    counts,
                    source -> source.lastSeen(function, callerClass)
                            .map(Instant::getEpochSecond)
                            .orElse(0L),
                    tags);
            return registry.counter(CALLS_METADATA, tags);
        });
    }
}
