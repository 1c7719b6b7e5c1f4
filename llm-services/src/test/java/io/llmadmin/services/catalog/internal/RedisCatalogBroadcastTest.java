package io.llmadmin.services.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.testsupport.Eventually;
import io.llmadmin.services.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances share one real Redis: a change committed on one shows on the other at once, not after
 * {@code MODEL_CACHE_TIMEOUT} (an hour here).
 */
class RedisCatalogBroadcastTest {

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private final String channel = "llmadmin-test:catalog:" + UUID.randomUUID();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private static CatalogEntry chat(String id) {
        return new CatalogEntry(id, ModelType.CHAT, id, "d", 1000, "Google", 1);
    }

    private RedisCatalogBroadcast open(String url, Runnable dropSnapshot) {
        RedisCatalogBroadcast broadcast = RedisCatalogBroadcast.start(url, channel, dropSnapshot);
        opened.add(broadcast);
        return broadcast;
    }

    @Test
    void should_show_a_change_made_on_one_instance_on_the_other_at_once_when_they_share_redis() throws Exception {
        String url = TestRedis.requireUrl();
        // The one database both instances read.
        List<CatalogEntry> database = new CopyOnWriteArrayList<>(List.of(chat("gemini-1.5-pro")));
        CachingModelCatalog first =
                new CachingModelCatalog(() -> List.copyOf(database), Duration.ofHours(1), Clock.systemUTC());
        CachingModelCatalog second =
                new CachingModelCatalog(() -> List.copyOf(database), Duration.ofHours(1), Clock.systemUTC());
        RedisCatalogBroadcast firstBroadcast = open(url, first::invalidate);
        open(url, second::invalidate);
        assertThat(second.activeModels(ModelType.CHAT))
                .extracting(CatalogEntry::id)
                .containsExactly("gemini-1.5-pro");

        database.add(chat("gpt-4o"));
        first.invalidate(); // what CatalogRefresh does after the commit on the first instance
        firstBroadcast.changed();

        Eventually.until(
                "the other instance to see the new model",
                () -> second.activeModels(ModelType.CHAT).size() >= 2);
        assertThat(second.activeModels(ModelType.CHAT))
                .extracting(CatalogEntry::id)
                .containsExactlyInAnyOrder("gemini-1.5-pro", "gpt-4o");
    }

    @Test
    void should_not_drop_its_own_snapshot_again_for_its_own_notice() throws Exception {
        String url = TestRedis.requireUrl();
        AtomicInteger ownDrops = new AtomicInteger();
        AtomicInteger otherDrops = new AtomicInteger();
        RedisCatalogBroadcast own = open(url, ownDrops::incrementAndGet);
        open(url, otherDrops::incrementAndGet);
        int ownAfterStart = ownDrops.get();
        int otherAfterStart = otherDrops.get();

        own.changed();

        Eventually.until("the other instance to drop its snapshot", () -> otherDrops.get() != otherAfterStart);
        assertThat(otherDrops.get()).isEqualTo(otherAfterStart + 1);
        assertThat(ownDrops.get()).isEqualTo(ownAfterStart);
    }

    @Test
    void should_drop_its_snapshot_when_its_subscription_comes_back_and_hear_notices_again() throws Exception {
        String url = TestRedis.requireUrl();
        String name = "llmadmin-test-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger drops = new AtomicInteger();
        open(url + (url.contains("?") ? "&" : "?") + "clientName=" + name, drops::incrementAndGet);
        RedisCatalogBroadcast other = open(url, () -> {});
        int afterStart = drops.get();

        // Cut the subscription off, as a network blip or a Redis restart would: a notice sent meanwhile may be lost.
        killSubscriptionOf(url, name);
        awaitAtLeast(drops, afterStart + 1); // Lettuce reconnected and resubscribed: the snapshot was dropped
        int afterReconnect = drops.get();
        other.changed();

        awaitAtLeast(drops, afterReconnect + 1);
        assertThat(drops.get()).isEqualTo(afterReconnect + 1);
    }

    private static void awaitAtLeast(AtomicInteger counter, int expected) {
        Eventually.until(expected + " snapshot drops", () -> counter.get() >= expected);
    }

    /** Kills the one subscribed connection named {@code name}, leaving every other client of the Redis alone. */
    private static void killSubscriptionOf(String url, String name) {
        RedisClient admin = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            String id = connection
                    .sync()
                    .clientList()
                    .lines()
                    .filter(line -> line.contains(" name=" + name + " ") && !line.contains(" sub=0 "))
                    .map(line -> line.substring(3, line.indexOf(' ')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no subscribed connection named " + name));
            connection.sync().clientKill(KillArgs.Builder.id(Long.parseLong(id)));
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void should_start_and_accept_changes_without_failing_when_redis_cannot_be_reached() {
        AtomicInteger drops = new AtomicInteger();
        // Port 1 on loopback: nothing listens there.
        RedisCatalogBroadcast broadcast = open("redis://127.0.0.1:1", drops::incrementAndGet);

        assertThat(broadcast.subscribed()).isFalse();
        assertThatCode(broadcast::changed).doesNotThrowAnyException();
        assertThat(broadcast.where()).isEqualTo("127.0.0.1:1");
    }
}
