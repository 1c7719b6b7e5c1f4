package io.llmadmin.services.legacycalls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import io.llmadmin.services.testsupport.MutableClock;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The legacy call history on the real databases: counts outlive the process, instances flushing at once add up
 * exactly, and a failed flush loses nothing.
 */
class LegacyCallHistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Database database;
    private EntityManagerFactory factory;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private LegacyCallStore open(Kind kind) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
        return new ResourceLocalLegacyCallStore(factory);
    }

    @AfterEach
    void tearDown() throws Exception {
        scheduler.shutdownNow();
        if (factory != null) {
            factory.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private FlushingLegacyCallHistory history(LegacyCallStore store, LegacyCallCounts counts) {
        // A long interval: these tests flush by hand, so nothing flushes behind their back.
        return new FlushingLegacyCallHistory(store, counts, scheduler, Duration.ofHours(1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_show_the_calls_of_a_previous_run_with_their_last_time_when_the_process_restarted(Kind kind) {
        LegacyCallStore store = open(kind);
        MutableClock clock = new MutableClock(T0);
        LegacyCallCounts firstRun = new LegacyCallCounts(clock);
        firstRun.record("get_api_key", "chat.views.ChatView");
        clock.advance(Duration.ofMinutes(5));
        firstRun.record("get_api_key", "chat.views.ChatView");
        FlushingLegacyCallHistory first = history(store, firstRun);
        first.close(); // the application stops: what is left is stored

        LegacyCallCounts secondRun = new LegacyCallCounts(clock);
        FlushingLegacyCallHistory second = history(store, secondRun);

        assertThat(second.callSites())
                .containsExactly(
                        new LegacyCallCount("get_api_key", "chat.views.ChatView", 2, T0.plus(Duration.ofMinutes(5))));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_add_calls_not_stored_yet_to_the_stored_ones_with_the_later_time_when_asked(Kind kind) {
        LegacyCallStore store = open(kind);
        MutableClock clock = new MutableClock(T0);
        LegacyCallCounts counts = new LegacyCallCounts(clock);
        FlushingLegacyCallHistory history = history(store, counts);
        counts.record("unified_call", "agent.Agent");
        history.flush();
        clock.advance(Duration.ofHours(2));
        counts.record("unified_call", "agent.Agent");
        counts.record("get_chat_model", "agent.Agent");

        assertThat(history.callSites())
                .containsExactly(
                        new LegacyCallCount("get_chat_model", "agent.Agent", 1, T0.plus(Duration.ofHours(2))),
                        new LegacyCallCount("unified_call", "agent.Agent", 2, T0.plus(Duration.ofHours(2))));
        history.flush();
        assertThat(store.all()).extracting(LegacyCallCount::calls).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_add_up_exactly_when_two_instances_flush_the_same_pairs_at_once(Kind kind) throws Exception {
        LegacyCallStore store = open(kind);
        List<FlushingLegacyCallHistory> instances = new ArrayList<>();
        List<LegacyCallCounts> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LegacyCallCounts own = new LegacyCallCounts(new MutableClock(T0));
            counts.add(own);
            instances.add(history(store, own));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                LegacyCallCounts own = counts.get(i);
                FlushingLegacyCallHistory instance = instances.get(i);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 20; round++) {
                        for (int call = 0; call < 50; call++) {
                            own.record("get_api_key", "memory.Memory");
                            own.record("build_kwargs", "memory.Memory");
                        }
                        try {
                            instance.flush();
                        } catch (RuntimeException insertedByTheOtherFirst) {
                            // The unique key refused a pair the other instance inserted at the same moment: those
                            // counts stay pending and go with the next flush.
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        instances.forEach(FlushingLegacyCallHistory::flush);

        assertThat(store.all())
                .extracting(LegacyCallCount::function, LegacyCallCount::calls)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("build_kwargs", 2_000L),
                        org.assertj.core.groups.Tuple.tuple("get_api_key", 2_000L));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_keep_the_counts_for_the_next_flush_when_the_database_refuses_one(Kind kind) {
        LegacyCallStore store = open(kind);
        LegacyCallCounts counts = new LegacyCallCounts(new MutableClock(T0));
        List<LegacyCallCount> refused = new ArrayList<>();
        LegacyCallStore failingOnce = new LegacyCallStore() {
            @Override
            public void add(List<LegacyCallCount> calls) {
                if (refused.isEmpty()) {
                    refused.addAll(calls);
                    throw new IllegalStateException("database unreachable");
                }
                store.add(calls);
            }

            @Override
            public List<LegacyCallCount> all() {
                return store.all();
            }
        };
        FlushingLegacyCallHistory history = history(failingOnce, counts);
        counts.record("get_api_key", "chat.views.ChatView");

        assertThatThrownBy(history::flush).hasMessage("database unreachable");
        counts.record("get_api_key", "chat.views.ChatView");
        history.flush();

        assertThat(store.all())
                .singleElement()
                .extracting(LegacyCallCount::calls)
                .isEqualTo(2L);
        assertThat(counts.pending()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_store_a_caller_whose_name_is_longer_than_its_column_cut_rather_than_refuse_it_forever(Kind kind) {
        LegacyCallStore store = open(kind);
        LegacyCallCounts counts = new LegacyCallCounts(new MutableClock(T0));
        String generated = "generated." + "Proxy$".repeat(100);
        counts.record("get_api_key", generated);

        history(store, counts).flush();

        assertThat(store.all()).singleElement().satisfies(site -> {
            assertThat(site.callerClass()).hasSize(500).startsWith("generated.Proxy$");
            assertThat(site.calls()).isEqualTo(1);
        });
    }
}
