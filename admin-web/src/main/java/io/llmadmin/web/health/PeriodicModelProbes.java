package io.llmadmin.web.health;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.llm.ModelHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Probes every active chat and embedding model every {@code LLM_HEALTH_PROBE_INTERVAL_SECONDS} (0, the default: never),
 * with the same tiny call as {@code POST /api/admin/model-health/{id}}, so the console and the admin API show a
 * model's state without an admin asking. Off by default because each probe is a paid upstream call, recorded as usage;
 * {@code LLM_HEALTH_PROBE_MODELS} narrows it to some models (comma-separated catalog ids, each may end in {@code *} for
 * every id that starts so; {@code *}, the default, is every model).
 */
@ApplicationScoped
public class PeriodicModelProbes {

    private static final Logger LOG = Logger.getLogger(PeriodicModelProbes.class.getName());

    private final ModelCatalog catalog;
    private final ModelHealth health;
    private final ScheduledExecutorService executor;
    private final long intervalSeconds;
    private final List<String> models;
    private volatile ScheduledFuture<?> schedule;

    @Inject
    public PeriodicModelProbes(
            ModelCatalog catalog,
            ModelHealth health,
            @ContainerExecutor ScheduledExecutorService executor,
            @ConfigProperty(name = "LLM_HEALTH_PROBE_INTERVAL_SECONDS", defaultValue = "0") long intervalSeconds,
            @ConfigProperty(name = "LLM_HEALTH_PROBE_MODELS", defaultValue = "*") String models) {
        this.catalog = catalog;
        this.health = health;
        this.executor = executor;
        this.intervalSeconds = intervalSeconds;
        this.models = Arrays.stream(models.split(","))
                .map(String::strip)
                .filter(pattern -> !pattern.isEmpty())
                .toList();
    }

    /** Every model. */
    PeriodicModelProbes(
            ModelCatalog catalog, ModelHealth health, ScheduledExecutorService executor, long intervalSeconds) {
        this(catalog, health, executor, intervalSeconds, "*");
    }

    /** For the CDI proxy only. */
    protected PeriodicModelProbes() {
        this(null, null, null, 0);
    }

    /** Creates the bean when the application starts, so that the schedule runs without anyone asking first. */
    void startOnDeploy(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        LOG.fine(() -> intervalSeconds > 0
                ? "Models are probed every " + intervalSeconds + " s"
                : "Models are probed on demand only (LLM_HEALTH_PROBE_INTERVAL_SECONDS=0)");
    }

    @PostConstruct
    void start() {
        if (intervalSeconds > 0) {
            schedule =
                    executor.scheduleWithFixedDelay(this::probeAll, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** One round: every active chat and embedding model, one after the other; one failing probe stops no other. */
    void probeAll() {
        for (ModelType type : List.of(ModelType.CHAT, ModelType.EMBEDDING)) {
            for (CatalogEntry model : catalog.activeModels(type)) {
                if (!chosen(model.id())) {
                    continue;
                }
                try {
                    health.probe(model.id());
                } catch (RuntimeException e) {
                    // A model deactivated since the list was read, say; the next round sees the catalog as it is.
                    LOG.log(
                            Level.FINE,
                            "Model " + model.id() + " was not probed: "
                                    + e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Whether {@code LLM_HEALTH_PROBE_MODELS} names the model, by its id or a prefix ending in {@code *}. */
    private boolean chosen(String modelId) {
        return models.stream()
                .anyMatch(pattern -> pattern.endsWith("*")
                        ? modelId.startsWith(pattern.substring(0, pattern.length() - 1))
                        : modelId.equals(pattern));
    }
}
