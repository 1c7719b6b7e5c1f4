package io.llmadmin.services.usage.internal;

import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.usage.UsageEvent;
import io.llmadmin.services.usage.UsageRecorder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records usage off the request path: {@link #record(UsageEvent)} puts the event in a bounded queue and returns; a
 * task on the scheduled executor drains the queue in batches of {@code LLMADMIN_USAGE_BATCH_SIZE} (default 500) every
 * {@code LLMADMIN_USAGE_FLUSH_MILLIS} (default 1000), and sooner once a full batch is waiting.
 *
 * <p>Nothing is dropped. A full queue ({@code LLMADMIN_USAGE_QUEUE_CAPACITY}, default 10,000) makes the caller wait
 * for room (back-pressure) instead. A batch the database refuses stays in hand and is tried again on the next run,
 * before anything newer; after three failures in a row it is written record by record, and only a record the database
 * refuses while accepting others is dropped, logged in full (see {@link #isolateRefusedRecords}). On shutdown ({@link #close()}) the schedule stops and the rest is written on the stopping
 * thread; an event recorded after that is written at once by its caller.
 */
@ApplicationScoped
public class BatchingUsageRecorder implements UsageRecorder {

    private static final Logger LOG = Logger.getLogger(BatchingUsageRecorder.class.getName());
    static final int ISOLATE_AFTER_FAILURES = 3;

    private final UsageWriter writer;
    private final ScheduledExecutorService executor;
    private final BlockingQueue<UsageEvent> queue;
    private final int batchSize;
    private final Duration interval;
    private final ReentrantLock drainLock = new ReentrantLock();
    /** A batch taken from the queue but not yet written; guarded by {@link #drainLock}. */
    private final List<UsageEvent> inHand = new ArrayList<>();
    /** How often the batch in hand has failed in a row; guarded by {@link #drainLock}. */
    private int failedAttempts;

    private final AtomicInteger inHandCount = new AtomicInteger();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> schedule;

    @Inject
    public BatchingUsageRecorder(
            UsageWriter writer,
            @ContainerExecutor ManagedScheduledExecutorService executor,
            @ConfigProperty(name = "LLMADMIN_USAGE_QUEUE_CAPACITY", defaultValue = "10000") int capacity,
            @ConfigProperty(name = "LLMADMIN_USAGE_BATCH_SIZE", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "LLMADMIN_USAGE_FLUSH_MILLIS", defaultValue = "1000") long flushMillis) {
        this(writer, (ScheduledExecutorService) executor, capacity, batchSize, Duration.ofMillis(flushMillis));
    }

    /** Not started: call {@link #start()} (the container does, after construction). */
    public BatchingUsageRecorder(
            UsageWriter writer, ScheduledExecutorService executor, int capacity, int batchSize, Duration interval) {
        if (capacity < 1) {
            throw new IllegalArgumentException("LLMADMIN_USAGE_QUEUE_CAPACITY must be >= 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("LLMADMIN_USAGE_BATCH_SIZE must be >= 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("LLMADMIN_USAGE_FLUSH_MILLIS must be > 0");
        }
        this.writer = Objects.requireNonNull(writer, "writer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.interval = interval;
    }

    /** For the CDI proxy only. */
    protected BatchingUsageRecorder() {
        this.writer = null;
        this.executor = null;
        this.queue = null;
        this.batchSize = 0;
        this.interval = null;
    }

    /** Creates the bean when the application starts, so the writer runs (and a missing executor shows) at once. */
    void startOnDeploy(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        LOG.fine(() -> "Usage recorder started: batches of " + batchSize + " every " + interval.toMillis() + " ms");
    }

    @PostConstruct
    public void start() {
        long millis = interval.toMillis();
        schedule = executor.scheduleWithFixedDelay(this::drainQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(UsageEvent event) {
        Objects.requireNonNull(event, "event");
        if (!queue.offer(event)) {
            waitForRoom(event);
        }
        if (closed) {
            // Stopped while (or before) we queued: nobody else will drain, so this caller writes what is left.
            drainQuietly();
        } else if (queue.size() >= batchSize) {
            requestDrain();
        }
    }

    private void waitForRoom(UsageEvent event) {
        long waiting = waits.incrementAndGet();
        if (waiting == 1 || waiting % 1000 == 0) {
            LOG.warning(() -> "Usage queue full (" + queue.remainingCapacity() + " free of "
                    + (queue.size() + queue.remainingCapacity()) + "): callers wait for the writer (" + waiting
                    + " waits so far)");
        }
        requestDrain();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    if (closed) {
                        drainQuietly();
                    } else {
                        requestDrain();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requestDrain() {
        if (!closed && drainRequested.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    drainRequested.set(false);
                    drainQuietly();
                });
            } catch (RejectedExecutionException stopping) {
                drainRequested.set(false);
            }
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Usage records could not be written; " + pending() + " wait and are tried again in "
                            + interval.toMillis() + " ms",
                    e);
        }
    }

    /** Writes everything queued, batch by batch, one writer at a time. */
    void drain() {
        drainLock.lock();
        try {
            while (true) {
                if (inHand.isEmpty()) {
                    queue.drainTo(inHand, batchSize);
                    inHandCount.set(inHand.size());
                }
                if (inHand.isEmpty()) {
                    return;
                }
                try {
                    writer.write(List.copyOf(inHand));
                } catch (RuntimeException refused) {
                    if (++failedAttempts < ISOLATE_AFTER_FAILURES) {
                        throw refused;
                    }
                    isolateRefusedRecords(refused);
                    continue;
                }
                failedAttempts = 0;
                written.addAndGet(inHand.size());
                inHand.clear();
                inHandCount.set(0);
            }
        } finally {
            drainLock.unlock();
        }
    }

    /**
     * After repeated failures of one batch, tells a database that is down from a record it refuses: writes the batch
     * one record at a time. If none goes in, the database is down: everything stays in hand. If some go in, the ones
     * refused can never be written; they are logged in full (SEVERE) and dropped, so one bad record cannot stop every
     * later one and, through the full queue, every caller. A lone record is first joined by queued ones to compare.
     */
    private void isolateRefusedRecords(RuntimeException batchFailure) {
        if (inHand.size() == 1) {
            queue.drainTo(inHand, Math.max(1, batchSize - 1));
            inHandCount.set(inHand.size());
            if (inHand.size() == 1) {
                throw batchFailure;
            }
        }
        List<UsageEvent> refused = new ArrayList<>();
        RuntimeException lastRefusal = batchFailure;
        int accepted = 0;
        for (UsageEvent event : inHand) {
            if (accepted == 0 && refused.size() == ISOLATE_AFTER_FAILURES) {
                break; // the first ones all refused: a database that is down, not a bad record; do not wait out the
                // rest
            }
            try {
                writer.write(List.of(event));
                accepted++;
            } catch (RuntimeException e) {
                refused.add(event);
                lastRefusal = e;
            }
        }
        if (accepted == 0) {
            throw lastRefusal;
        }
        written.addAndGet(accepted);
        for (UsageEvent event : refused) {
            LOG.log(Level.SEVERE, "The database refuses this usage record; it is dropped: " + event, lastRefusal);
        }
        inHand.clear();
        inHandCount.set(0);
        failedAttempts = 0;
    }

    /** Events recorded but not yet written (queued or being written). */
    public int pending() {
        return queue.size() + inHandCount.get();
    }

    /** Events waiting in the queue, not yet taken by the writer. */
    public int queued() {
        return queue.size();
    }

    /** Events written since start. */
    public long written() {
        return written.get();
    }

    /**
     * Writes what is left while the application is stopping, before the container closes the persistence unit (it
     * does so before {@code @PreDestroy}, where a write would find the entity manager factory closed).
     */
    void writeBeforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        close();
    }

    /** Stops the schedule and writes what is left, trying a few times if the database refuses. */
    @PreDestroy
    public void close() {
        if (closed && pending() == 0) {
            return; // written before the stop already
        }
        closed = true;
        ScheduledFuture<?> scheduled = schedule;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                drain();
                LOG.info(() -> "Usage recorder stopped; " + written.get() + " records written");
                return;
            } catch (RuntimeException e) {
                last = e;
                sleepBeforeRetry(attempt);
            }
        }
        int lost = pending();
        LOG.log(Level.SEVERE, "Usage recorder stopped with " + lost + " records the database refused", last);
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
