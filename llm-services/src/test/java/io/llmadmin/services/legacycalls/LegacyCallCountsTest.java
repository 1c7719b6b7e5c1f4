package io.llmadmin.services.legacycalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LegacyCallCountsTest {

    @Test
    void should_count_per_function_and_caller_with_the_last_time_seen_when_called() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        LegacyCallCounts counts = new LegacyCallCounts(clock);

        counts.record("get_api_key", "a.Agent");
        clock.advance(Duration.ofSeconds(5));
        counts.record("get_api_key", "a.Agent");
        counts.record("get_chat_model", "a.Agent");
        counts.record("get_api_key", "b.Memory");

        assertThat(counts.counts())
                .containsExactly(
                        new LegacyCallCount("get_api_key", "a.Agent", 2, Instant.parse("2026-11-22T10:00:05Z")),
                        new LegacyCallCount("get_api_key", "b.Memory", 1, Instant.parse("2026-11-22T10:00:05Z")),
                        new LegacyCallCount("get_chat_model", "a.Agent", 1, Instant.parse("2026-11-22T10:00:05Z")));
    }

    @Test
    void should_give_an_immutable_copy_that_later_calls_do_not_change() {
        LegacyCallCounts counts = new LegacyCallCounts(new MutableClock(Instant.EPOCH));
        counts.record("get_api_key", "a.Agent");

        List<LegacyCallCount> snapshot = counts.counts();
        counts.record("get_api_key", "a.Agent");

        assertThat(snapshot).singleElement().extracting(LegacyCallCount::calls).isEqualTo(1L);
        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_lose_no_call_when_many_threads_record_at_once() throws Exception {
        LegacyCallCounts counts = new LegacyCallCounts(new MutableClock(Instant.EPOCH));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {
                for (int n = 0; n < 10_000; n++) {
                    counts.record("unified_call", "a.Agent");
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(counts.counts())
                .singleElement()
                .extracting(LegacyCallCount::calls)
                .isEqualTo(40_000L);
    }

    @Test
    void should_keep_calls_pending_until_stored_and_count_the_ones_made_meanwhile() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        LegacyCallCounts counts = new LegacyCallCounts(clock);
        counts.record("get_api_key", "a.Agent");
        counts.record("get_api_key", "a.Agent");

        List<LegacyCallCount> taken = counts.pending();
        counts.record("get_api_key", "a.Agent"); // while the flush is writing
        counts.stored(taken);

        assertThat(taken).singleElement().extracting(LegacyCallCount::calls).isEqualTo(2L);
        assertThat(counts.pending())
                .singleElement()
                .extracting(LegacyCallCount::calls)
                .isEqualTo(1L);
        counts.stored(counts.pending());
        assertThat(counts.pending()).isEmpty();
        assertThat(counts.counts())
                .singleElement()
                .extracting(LegacyCallCount::calls)
                .isEqualTo(3L);
    }

    @Test
    void should_tell_a_subscribed_listener_of_each_call_until_unsubscribed() {
        LegacyCallCounts counts = new LegacyCallCounts(new MutableClock(Instant.EPOCH));
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        LegacyCallCounts.Listener listener = (function, caller) -> heard.add(function + "@" + caller);
        counts.subscribe(listener);

        counts.record("get_api_key", "a.Agent");
        counts.record("build_kwargs", "b.Memory");
        counts.unsubscribe(listener);
        counts.record("get_api_key", "a.Agent");

        assertThat(heard).containsExactly("get_api_key@a.Agent", "build_kwargs@b.Memory");
    }
}
