package io.llmadmin.services.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.testsupport.CapturedLogs;
import io.llmadmin.services.testsupport.Eventually;
import io.llmadmin.services.usage.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue's promises, with a writer we can hold back or make fail like a database that is slow or down. */
class BatchingUsageRecorderTest {

    private final ScheduledExecutorService writerThread = Executors.newSingleThreadScheduledExecutor();
    private final List<UsageEvent> stored = new ArrayList<>();
    private final CountDownLatch writerMayRun = new CountDownLatch(1);
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private final UsageWriter writer = batch -> {
        try {
            writerMayRun.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("database unavailable");
        }
        synchronized (stored) {
            stored.addAll(batch);
        }
    };

    private static UsageEvent event(int n) {
        return new UsageEvent("m", "c" + n, n, 0, false, 1, UsageOutcome.SUCCESS, Instant.EPOCH, null, null, null);
    }

    @AfterEach
    void stop() {
        writerThread.shutdownNow();
    }

    @Test
    void should_make_the_caller_wait_rather_than_drop_when_the_queue_is_full() throws Exception {
        // No timed runs: only a full batch (2) wakes the writer, so it takes exactly events 0 and 1.
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(writer, writerThread, 5, 2, Duration.ofHours(1));
        recorder.start();
        recorder.record(event(0));
        recorder.record(event(1));
        awaitTaken(recorder); // the writer holds these 2 and is stuck
        for (int i = 2; i < 7; i++) {
            recorder.record(event(i)); // 5 fill the queue
        }
        Thread caller = new Thread(() -> recorder.record(event(7)));

        caller.start();
        awaitState(caller, Thread.State.TIMED_WAITING);
        assertThat(caller.isAlive()).as("the eighth caller waits for room").isTrue();
        writerMayRun.countDown();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        recorder.close();

        assertThat(stored).hasSize(8);
        assertThat(stored).extracting(UsageEvent::tokensIn).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void should_write_a_refused_batch_again_later_when_the_database_comes_back() throws Exception {
        writerMayRun.countDown();
        failuresLeft.set(3);
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(writer, writerThread, 100, 10, Duration.ofMillis(5));
        recorder.start();

        for (int i = 0; i < 25; i++) {
            recorder.record(event(i));
        }
        Eventually.until("25 usage records to be stored", () -> storedCount() >= 25);

        assertThat(storedCount())
                .as("written by the background writer, without a shutdown")
                .isEqualTo(25);
        assertThat(failuresLeft.get()).isNegative();
        recorder.close();
        assertThat(storedCount()).isEqualTo(25);
    }

    @Test
    void should_drop_only_the_record_the_database_refuses_and_write_the_rest_when_one_record_is_bad() throws Exception {
        writerMayRun.countDown();
        List<UsageEvent> written = new ArrayList<>();
        UsageWriter refusingOne = batch -> {
            if (batch.stream().anyMatch(event -> event.caller().equals("c4"))) {
                throw new IllegalStateException("value refused by the database");
            }
            synchronized (written) {
                written.addAll(batch);
            }
        };
        BatchingUsageRecorder recorder =
                new BatchingUsageRecorder(refusingOne, writerThread, 100, 10, Duration.ofMillis(5));
        recorder.start();
        String logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 10; i++) {
                recorder.record(event(i));
            }
            Eventually.until("9 usage records to be written", () -> countOf(written) >= 9);
            recorder.record(event(10));
            recorder.close();
            logged = logs.text();
        }

        assertThat(written)
                .extracting(UsageEvent::caller)
                .hasSize(10)
                .doesNotContain("c4")
                .contains("c10");
        assertThat(logged).contains("refuses this usage record").contains("c4");
    }

    @Test
    void should_keep_every_record_when_the_database_refuses_all_of_them() {
        writerMayRun.countDown();
        failuresLeft.set(Integer.MAX_VALUE);
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(writer, writerThread, 100, 10, Duration.ofHours(1));
        recorder.start();
        for (int i = 0; i < 10; i++) {
            recorder.record(event(i));
        }

        for (int run = 0; run < 5; run++) {
            assertThatThrownBy(recorder::drain).hasMessageContaining("unavailable");
        }

        assertThat(recorder.pending()).isEqualTo(10);
        failuresLeft.set(0);
        recorder.close();
        assertThat(stored).hasSize(10);
    }

    @Test
    void should_keep_the_record_and_the_interrupt_when_a_waiting_caller_is_interrupted() throws Exception {
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(writer, writerThread, 1, 1, Duration.ofHours(1));
        recorder.start();
        recorder.record(event(0));
        awaitTaken(recorder);
        recorder.record(event(1));
        List<Boolean> interruptedAfter = new ArrayList<>();
        Thread caller = new Thread(() -> {
            recorder.record(event(2));
            interruptedAfter.add(Thread.currentThread().isInterrupted());
        });
        caller.start();
        awaitState(caller, Thread.State.TIMED_WAITING);

        caller.interrupt();
        writerMayRun.countDown();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        recorder.close();

        assertThat(stored).extracting(UsageEvent::tokensIn).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(interruptedAfter).containsExactly(true);
    }

    @Test
    void should_refuse_bad_events_at_the_caller_naming_the_field() {
        assertThatThrownBy(() -> new UsageEvent(
                        "m", "c", -1, 0, false, 0, UsageOutcome.SUCCESS, Instant.EPOCH, null, null, null))
                .hasMessageStartingWith("tokensIn");
        assertThatThrownBy(() -> new UsageEvent(
                        "m", "c", 0, 0, false, -1, UsageOutcome.SUCCESS, Instant.EPOCH, null, null, null))
                .hasMessageStartingWith("latencyMillis");
        assertThatThrownBy(() ->
                        new UsageEvent("", "c", 0, 0, false, 0, UsageOutcome.SUCCESS, Instant.EPOCH, null, null, null))
                .hasMessageStartingWith("modelId");
        assertThatThrownBy(() -> new UsageEvent(
                        "m", "x".repeat(201), 0, 0, false, 0, UsageOutcome.SUCCESS, Instant.EPOCH, null, null, null))
                .hasMessageStartingWith("caller");
    }

    private static int countOf(List<UsageEvent> events) {
        synchronized (events) {
            return events.size();
        }
    }

    private int storedCount() {
        synchronized (stored) {
            return stored.size();
        }
    }

    private static void awaitTaken(BatchingUsageRecorder recorder) {
        Eventually.until("the writer to take the batch", () -> recorder.queued() == 0);
    }

    private static void awaitState(Thread thread, Thread.State state) {
        Eventually.until(thread.getName() + " to reach " + state, () -> thread.getState() == state);
    }
}
