package io.llmadmin.services.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayKeyCacheTest {

    private final AtomicInteger broadcasts = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final GatewayKeyCache cache = new GatewayKeyCache(broadcasts::incrementAndGet, clock);

    private static GatewayKeyView key(OffsetDateTime expiresAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new GatewayKeyView(
                1, "k", "llmk_abc", List.of(), GatewayKeyLimits.UNLIMITED, false, now, null, expiresAt, null, 0);
    }

    @Test
    void should_answer_a_kept_key_until_it_is_a_minute_old() {
        cache.keep("h", key(null), cache.generation());

        assertThat(cache.working("h")).isPresent();
        clock.advance(GatewayKeyCache.MAX_AGE.minusSeconds(1));
        assertThat(cache.working("h")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.working("h")).isEmpty();
    }

    @Test
    void should_drop_every_key_after_a_committed_change_and_tell_the_other_instances() {
        cache.keep("h", key(null), cache.generation());

        cache.afterChange(new GatewayKeyCache.Changed());

        assertThat(cache.working("h")).isEmpty();
        assertThat(broadcasts).hasValue(1);
    }

    @Test
    void should_drop_every_key_when_another_instance_changed_something() {
        cache.keep("h", key(null), cache.generation());

        cache.onOtherInstance(new io.llmadmin.services.catalog.CatalogChangedElsewhere());

        assertThat(cache.working("h")).isEmpty();
        assertThat(broadcasts).hasValue(0);
    }

    @Test
    void should_not_keep_a_key_read_before_a_change_was_committed() {
        long before = cache.generation();
        cache.invalidate();

        cache.keep("h", key(null), before);

        assertThat(cache.working("h")).isEmpty();
    }

    @Test
    void should_stop_answering_a_key_once_it_expires() {
        cache.keep("h", key(OffsetDateTime.now(ZoneOffset.UTC).plusNanos(50_000_000)), cache.generation());
        assertThat(cache.working("h")).isPresent();

        await(Duration.ofMillis(80));

        assertThat(cache.working("h")).isEmpty();
    }

    @Test
    void should_never_keep_a_revoked_key() {
        GatewayKeyView working = key(null);
        GatewayKeyView revoked = new GatewayKeyView(
                working.id(),
                working.name(),
                working.tokenStart(),
                working.allowedModels(),
                working.limits(),
                true,
                working.createdAt(),
                working.createdAt(),
                null,
                null,
                1);

        cache.keep("h", revoked, cache.generation());

        assertThat(cache.working("h")).isEmpty();
    }

    private static void await(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
