package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import it.llmadmin.MissingService;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the IT server shares with other instances through the test Redis, seen from outside as another instance would
 * see it (and told to it as another instance would tell it): route and cache-policy changes are announced on the
 * catalog's channel at once; a cool-down another instance announces takes the model out of rotation here (calls go to
 * its fallback without contacting it) and its end readmits it; a cool-down and a probe made here are kept in Redis for
 * the others. Also the other callers of routes and the cache: {@code /openai/v1/models} lists a route and
 * {@code /openai/v1/responses} resolves it and answers from the cache; and a reasoning effort sent to a model that does
 * not reason is a 400 naming both.
 */
class SharedRoutingStateIT {

    private static final String SERVED = "X-LLM-Admin-Model";
    private static final String REDIS_URL = System.getProperty("it.redis.url", "redis://127.0.0.1:6379");
    private static final String PREFIX = System.getProperty("it.models.redis.prefix", "llmadmin:models:");

    private static ProviderStub provider;
    private static RedisClient redis;
    private static JsonObject key;
    private static String token;
    private static String backup;
    private static String primary;
    private static String route;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        redis = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            MissingService.skipOrFail("Redis at " + REDIS_URL + " is not reachable", e);
        }
        provider = new ProviderStub();
        backup = RoutingAdmin.unique("it-shared-backup");
        primary = RoutingAdmin.unique("it-shared-primary");
        route = RoutingAdmin.unique("it-shared-route");
        RoutingAdmin.createChatModel(backup, "ok-" + backup, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(primary, "p-" + primary, provider.apiBase(), List.of(backup));
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-shared-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (route != null) {
            RoutingAdmin.admin("DELETE", "/api/admin/routes/" + route, null);
            RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + primary, "{\"ttlSeconds\":0}");
            RoutingAdmin.deleteModelQuietly(primary);
            RoutingAdmin.deleteModelQuietly(backup);
        }
        if (provider != null) {
            provider.close();
        }
        if (redis != null) {
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                connection.sync().hdel(PREFIX + "health", primary, backup);
                connection.sync().del(PREFIX + "cooldown:" + primary);
            }
            redis.shutdown();
        }
    }

    private static HttpResponse<String> call(String model, String extra) {
        return RoutingAdmin.complete(
                token,
                "{\"model\":\"" + model + "\"" + extra + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static HttpResponse<String> respond(String model, String input) {
        return ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/responses"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"input\":\"" + input + "\"}"))
                .build());
    }

    private static String stateOf(String model) {
        return RoutingAdmin.cooldownState(ServerUnderTest::uri, model);
    }

    private static void publish(String channel, String message) {
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().publish(channel, message);
        }
    }

    private static void awaitState(String model, String state) throws InterruptedException {
        for (int i = 0; i < 100 && !stateOf(model).equals(state); i++) {
            Thread.sleep(100);
        }
        assertThat(stateOf(model)).isEqualTo(state);
    }

    @Test
    void should_announce_route_and_cache_policy_changes_to_the_other_instances_at_once() throws Exception {
        String channel = System.getProperty("it.catalog.channel");
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> listener = redis.connectPubSub()) {
            listener.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    notices.add(message);
                }
            });
            listener.sync().subscribe(channel);
            String announced = RoutingAdmin.unique("it-shared-announced");
            try {
                HttpResponse<String> saved = RoutingAdmin.admin(
                        "PUT",
                        "/api/admin/routes/" + announced,
                        "{\"sticky\":false,\"targets\":[{\"model\":\"" + backup + "\",\"weight\":1}]}");
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
                assertThat(notices.poll(10, TimeUnit.SECONDS))
                        .as("a notice of the route")
                        .isNotBlank();

                RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + backup, "{\"ttlSeconds\":30}");
                assertThat(notices.poll(10, TimeUnit.SECONDS))
                        .as("a notice of the policy")
                        .isNotBlank();
            } finally {
                RoutingAdmin.admin("DELETE", "/api/admin/routes/" + announced, null);
                RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + backup, "{\"ttlSeconds\":0}");
            }
        }
    }

    @Test
    void should_skip_a_model_another_instance_cools_down_and_readmit_it_when_that_one_does() throws Exception {
        String flaky = RoutingAdmin.unique("it-shared-elsewhere");
        RoutingAdmin.createChatModel(flaky, "p-" + flaky, provider.apiBase(), List.of(backup));
        try {
            long until = Instant.now().plusSeconds(60).toEpochMilli();

            // when: another instance announces that it took the model out of rotation
            publish(PREFIX + "changed", "another-instance OPEN " + until + " 100.0 " + flaky);

            // then: this one lists it and sends its calls to the fallback without contacting it
            awaitState(flaky, "COOLING_DOWN");
            HttpResponse<String> skipped = call(flaky, "");
            assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
            assertThat(skipped.headers().firstValue(SERVED)).contains(backup);
            assertThat(provider.requestsFor("p-" + flaky)).isZero();

            // when: the other instance's probe readmitted it
            publish(PREFIX + "changed", "another-instance CLOSED " + flaky);

            // then
            awaitState(flaky, "IN_ROTATION");
            HttpResponse<String> served = call(flaky, "");
            assertThat(served.headers().firstValue(SERVED)).contains(flaky);
        } finally {
            RoutingAdmin.deleteModelQuietly(flaky);
        }
    }

    @Test
    void should_keep_its_own_cool_downs_and_probes_in_redis_for_the_other_instances() {
        String failing = RoutingAdmin.unique("it-shared-failing");
        RoutingAdmin.createChatModel(failing, "p-" + failing, provider.apiBase(), List.of(backup));
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            provider.fail("p-" + failing);
            // The IT server cools a model down after 3 failed calls in a minute.
            for (int i = 0; i < 3; i++) {
                assertThat(call(failing, "").headers().firstValue(SERVED)).contains(backup);
            }
            assertThat(connection.sync().get(PREFIX + "cooldown:" + failing))
                    .as("the cool-down every instance reads")
                    .isNotNull();

            HttpResponse<String> probe = RoutingAdmin.admin("POST", "/api/admin/model-health/" + backup, "");
            assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
            assertThat(connection.sync().hget(PREFIX + "health", backup)).contains("\"status\":\"UP\"");
        } finally {
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                connection.sync().del(PREFIX + "cooldown:" + failing);
            }
            RoutingAdmin.deleteModelQuietly(failing);
        }
    }

    @Test
    void should_offer_a_route_in_the_model_list_and_answer_the_responses_api_through_it_and_the_cache() {
        HttpResponse<String> saved = RoutingAdmin.admin(
                "PUT",
                "/api/admin/routes/" + route,
                "{\"sticky\":false,\"targets\":[{\"model\":\"" + primary + "\",\"weight\":1}," + "{\"model\":\""
                        + backup + "\",\"weight\":0}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + primary, "{\"ttlSeconds\":60}");

        HttpResponse<String> models =
                ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/models"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
        assertThat(models.body()).contains("\"id\":\"" + route + "\"");

        String input = "Cache me " + route;
        HttpResponse<String> first = respond(route, input);
        HttpResponse<String> second = respond(route, input);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(RoutingAdmin.object(first.body()).getString("model")).isEqualTo(primary);
        assertThat(first.headers().firstValue("x-llmadmin-cache")).contains("miss");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.headers().firstValue("x-llmadmin-cache")).contains("hit");
        assertThat(second.body()).contains("from p-" + primary);
        assertThat(provider.requestsFor("p-" + primary)).isEqualTo(1);
    }

    @Test
    void should_refuse_a_reasoning_effort_for_a_model_that_does_not_reason_naming_the_parameter_and_the_model() {
        HttpResponse<String> refused = call(backup, ",\"reasoning_effort\":\"high\"");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonObject error = RoutingAdmin.object(refused.body()).getJsonObject("error");
        assertThat(error.getString("param")).isEqualTo("reasoning_effort");
        assertThat(error.getString("message")).contains(backup);
    }

    /**
     * The receiving side of a notice: another instance stored a cache policy (written here straight into the shared
     * database, as that instance would) and announced it; this server follows at once rather than when its snapshot
     * ages out (5 s). The test writes beside the running server: on PostgreSQL as any client, on H2 through the IT
     * URL's {@code AUTO_SERVER} mode.
     */
    @Test
    void should_follow_a_cache_policy_another_instance_stored_as_soon_as_it_hears_of_it() throws Exception {
        String model = RoutingAdmin.unique("it-shared-policy");
        RoutingAdmin.createChatModel(model, "p-" + model, provider.apiBase(), List.of());
        try {
            // given: this server has read the policies (none for the model)
            assertThat(call(model, "").headers().firstValue("x-llmadmin-cache")).isEmpty();

            // when: another instance stores a policy for it and announces the change
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                            System.getProperty("it.db.url"),
                            System.getProperty("it.db.user"),
                            System.getProperty("it.db.password"));
                    java.sql.PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO response_cache_policy (model_id, ttl_seconds) VALUES (?, 60)")) {
                insert.setString(1, model);
                insert.executeUpdate();
            }
            publish(System.getProperty("it.catalog.channel"), "another-instance changed");

            // then: well within the snapshot's 5 s, this server caches the model's answers
            String state = "";
            for (int i = 0; i < 20 && !state.equals("miss"); i++) {
                Thread.sleep(100);
                state = call(model, "").headers().firstValue("x-llmadmin-cache").orElse("");
            }
            assertThat(state).isEqualTo("miss");
        } finally {
            RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + model, "{\"ttlSeconds\":0}");
            RoutingAdmin.deleteModelQuietly(model);
        }
    }
}
