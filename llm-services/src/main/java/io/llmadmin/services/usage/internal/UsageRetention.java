package io.llmadmin.services.usage.internal;

import io.llmadmin.services.concurrency.ContainerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps raw usage rows (and the payloads kept of them) for {@code LLMADMIN_USAGE_RETENTION_DAYS} days (default 0: for
 * ever): every {@code LLMADMIN_USAGE_RETENTION_SWEEP_SECONDS} (default 3600), on the container's executor, the older
 * ones are deleted, the first time a minute after the start (or sooner, when the sweep is more frequent). The hourly and daily rollups are kept, so the usage API's totals of older
 * periods stay; the request log shows only the days kept.
 */
@ApplicationScoped
public class UsageRetention {

    private static final Logger LOG = Logger.getLogger(UsageRetention.class.getName());

    private final JpaUsageRetention retention;
    private final ManagedScheduledExecutorService executor;
    private final long days;
    private final long sweepSeconds;
    private final Clock clock;
    private volatile ScheduledFuture<?> schedule;

    @Inject
    public UsageRetention(
            JpaUsageRetention retention,
            @ContainerExecutor ManagedScheduledExecutorService executor,
            @ConfigProperty(name = "LLMADMIN_USAGE_RETENTION_DAYS", defaultValue = "0") long days,
            @ConfigProperty(name = "LLMADMIN_USAGE_RETENTION_SWEEP_SECONDS", defaultValue = "3600") long sweepSeconds) {
        if (days < 0) {
            throw new IllegalArgumentException("LLMADMIN_USAGE_RETENTION_DAYS must be >= 0 (0: keep every row)");
        }
        if (sweepSeconds < 1) {
            throw new IllegalArgumentException("LLMADMIN_USAGE_RETENTION_SWEEP_SECONDS must be >= 1");
        }
        this.sweepSeconds = sweepSeconds;
        this.retention = retention;
        this.executor = executor;
        this.days = days;
        this.clock = Clock.systemUTC();
    }

    /** For the CDI proxy only. */
    protected UsageRetention() {
        this.retention = null;
        this.executor = null;
        this.days = 0;
        this.sweepSeconds = 0;
        this.clock = null;
    }

    void startOnDeploy(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        if (days > 0) {
            schedule = executor.scheduleWithFixedDelay(
                    this::deleteExpired, Math.min(60, sweepSeconds), sweepSeconds, TimeUnit.SECONDS);
            LOG.info(() -> "Raw usage rows are kept " + days
                    + " days (the hourly and daily rollups for ever), swept every " + sweepSeconds + " s");
        }
    }

    /** Deletes the raw rows older than the retention; a failure is logged and tried again at the next sweep. */
    void deleteExpired() {
        try {
            int deleted = retention.deleteRawBefore(clock.instant().minus(Duration.ofDays(days)));
            if (deleted > 0) {
                LOG.info(() -> deleted + " raw usage rows older than " + days + " days deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting old usage rows failed; tried again in " + sweepSeconds + " s", e);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> scheduled = schedule;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
