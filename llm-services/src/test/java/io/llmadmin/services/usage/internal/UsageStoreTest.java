package io.llmadmin.services.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Usage recording on the real databases: nothing lost under concurrency or at shutdown, and the per-model sums. */
class UsageStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Database database;
    private EntityManagerFactory factory;
    private final ScheduledExecutorService writerThread = Executors.newSingleThreadScheduledExecutor();

    private void open(Kind kind) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
    }

    @AfterEach
    void tearDown() throws Exception {
        writerThread.shutdownNow();
        if (factory != null) {
            factory.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_write_all_ten_thousand_records_when_eight_threads_record_at_once(Kind kind) throws Exception {
        open(kind);
        // A queue smaller than the load, so callers also meet a full queue and must wait rather than drop.
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(
                new ResourceLocalUsageWriter(factory), writerThread, 1_000, 250, Duration.ofMillis(50));
        recorder.start();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String caller = "caller-" + thread;
                done.add(callers.submit(() -> {
                    go.await();
                    for (int i = 0; i < 1_250; i++) {
                        recorder.record(new UsageEvent(
                                i % 2 == 0 ? "gpt-4o" : "gemini-1.5-pro",
                                caller,
                                10,
                                3,
                                false,
                                20,
                                UsageOutcome.SUCCESS,
                                T0.plusMillis(i),
                                null,
                                null,
                                null));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        recorder.close();

        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(DISTINCT caller) FROM usage_record")).isEqualTo(8);
        assertThat(count("SELECT SUM(tokens_in) FROM usage_record")).isEqualTo(100_000);
        assertThat(recorder.written()).isEqualTo(10_000);
        assertThat(recorder.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_write_the_queued_tail_when_shut_down_before_the_writer_ran(Kind kind) throws Exception {
        open(kind);
        // The schedule would not run for an hour and 37 records never fill a batch: only the shutdown writes them.
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(
                new ResourceLocalUsageWriter(factory), writerThread, 10_000, 500, Duration.ofHours(1));
        recorder.start();
        for (int i = 0; i < 37; i++) {
            recorder.record(
                    new UsageEvent("sdxl", "tail", 1, 0, true, 5, UsageOutcome.CANCELLED, T0, null, null, null));
        }
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isZero();

        recorder.close();

        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE outcome = 'CANCELLED'"))
                .isEqualTo(37);
        recorder.record(new UsageEvent("sdxl", "late", 1, 0, true, 5, UsageOutcome.SUCCESS, T0, null, null, null));
        assertThat(count("SELECT COUNT(*) FROM usage_record"))
                .as("recorded after shutdown")
                .isEqualTo(38);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_sum_calls_tokens_latency_and_outcomes_per_model_within_the_range(Kind kind) {
        open(kind);
        new ResourceLocalUsageWriter(factory)
                .write(List.of(
                        new UsageEvent("gpt-4o", "a", 100, 20, false, 300, UsageOutcome.SUCCESS, T0, null, null, null),
                        new UsageEvent(
                                "gpt-4o",
                                "b",
                                50,
                                0,
                                true,
                                100,
                                UsageOutcome.RATE_LIMITED,
                                T0.plusSeconds(59),
                                null,
                                null,
                                null),
                        new UsageEvent(
                                "gpt-4o",
                                "a",
                                10,
                                5,
                                false,
                                200,
                                UsageOutcome.SUCCESS,
                                T0.plusSeconds(30),
                                null,
                                null,
                                null),
                        new UsageEvent(
                                "gemini-1.5-pro", "a", 7, 8, false, 40, UsageOutcome.TIMEOUT, T0, null, null, null),
                        new UsageEvent(
                                "gpt-4o",
                                "a",
                                999,
                                999,
                                false,
                                999,
                                UsageOutcome.SUCCESS,
                                T0.plusSeconds(60),
                                null,
                                null,
                                null),
                        new UsageEvent(
                                "gpt-4o",
                                "a",
                                999,
                                999,
                                false,
                                999,
                                UsageOutcome.SUCCESS,
                                T0.minusMillis(1),
                                null,
                                null,
                                null)));

        List<ModelUsage> totals;
        EntityManager entityManager = factory.createEntityManager();
        try {
            totals = new JpaUsageReports(entityManager).totalsPerModel(T0, T0.plusSeconds(60));
        } finally {
            entityManager.close();
        }

        assertThat(totals).extracting(ModelUsage::modelId).containsExactly("gemini-1.5-pro", "gpt-4o");
        ModelUsage gpt = totals.get(1);
        assertThat(gpt.calls()).isEqualTo(3);
        assertThat(gpt.tokensIn()).isEqualTo(160);
        assertThat(gpt.tokensOut()).isEqualTo(25);
        assertThat(gpt.averageLatencyMillis()).isEqualTo(200);
        assertThat(gpt.succeeded()).isEqualTo(2);
        assertThat(gpt.callsByOutcome()).containsEntry(UsageOutcome.RATE_LIMITED, 1L);
        assertThat(totals.get(0).callsByOutcome()).containsOnlyKeys(UsageOutcome.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_refuse_a_range_that_ends_before_it_starts(Kind kind) {
        open(kind);
        EntityManager entityManager = factory.createEntityManager();
        try {
            JpaUsageReports reports = new JpaUsageReports(entityManager);
            assertThatThrownBy(() -> reports.totalsPerModel(T0, T0.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to");
            assertThatThrownBy(() -> reports.totalsPerModel(null, T0)).hasMessageContaining("from");
            assertThat(reports.totalsPerModel(T0, T0)).isEmpty();
        } finally {
            entityManager.close();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
