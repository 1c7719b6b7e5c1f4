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
}
