package it.llmadmin.admin;

import static it.llmadmin.admin.AdminClient.createModel;
import static it.llmadmin.admin.AdminClient.deleteQuietly;
import static it.llmadmin.admin.AdminClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import it.llmadmin.MissingService;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server tells the other instances through Redis when a model changes (they drop their catalog snapshot): this
 * test listens on the test server's channel as another instance would, and sees the notice of a change made through
 * the admin API.
 */
class CatalogBroadcastIT {

    @Test
    void should_announce_a_model_change_on_the_redis_channel_the_other_instances_listen_to() throws Exception {
        String url = System.getProperty("it.redis.url", "redis://127.0.0.1:6379");
        String channel = System.getProperty("it.catalog.channel");
        RedisClient client = RedisClient.create(url);
        try {
            assumeRedisAnswers(client, url);
            BlockingQueue<String> notices = new LinkedBlockingQueue<>();
            try (StatefulRedisPubSubConnection<String, String> listener = client.connectPubSub()) {
                listener.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        notices.add(message);
                    }
                });
                listener.sync().subscribe(channel);
                String id = unique("it-broadcast");
                try {
                    createModel(id, "chat", true);

                    String notice = notices.poll(10, TimeUnit.SECONDS);
                    assertThat(notice)
                            .as("a notice on %s after creating %s", channel, id)
                            .isNotBlank();
                } finally {
                    deleteQuietly(id);
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static void assumeRedisAnswers(RedisClient client, String url) {
        RedisURI uri = RedisURI.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setTimeout(Duration.ofSeconds(2));
            connection.sync().ping();
        } catch (RuntimeException e) {
            MissingService.skipOrFail("Redis at " + uri.getHost() + ":" + uri.getPort() + " is not reachable", e);
        }
    }
}
