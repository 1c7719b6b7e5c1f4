package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.SecondServer;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty instances of one deployment sharing one database and one Redis (the IT server and {@link SecondServer}
 * on the IT server's database: H2 through its {@code AUTO_SERVER} mode, or the same PostgreSQL database): a weighted
 * route, a fallback list and a cache policy an admin changes through the admin API of one instance are applied by the
 * other at once. The other instance has read the old state just before (so its 5-second snapshots hold it), and follows
 * the change within 2 seconds: it heard the change's notice and read the shared database again.
 */
class SharedDatabaseIT {

    private static final String SERVED = "X-LLM-Admin-Model";
    private static final String CACHE = "x-llmadmin-cache";
    private static final Function<String, URI> FIRST = ServerUnderTest::uri;

    private static Function<String, URI> second;
    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static String one;
    private static String other;
    private static String limited;
    private static String route;

    @BeforeAll
    static void createModelsOnceForBoth() throws Exception {
        second = SecondServer.sharingTheItServersDatabase()::uri;
        provider = new ProviderStub();
        one = RoutingAdmin.unique("it-shared-db-one");
        other = RoutingAdmin.unique("it-shared-db-other");
        limited = RoutingAdmin.unique("it-shared-db-limited");
        route = RoutingAdmin.unique("it-shared-db-route");
        RoutingAdmin.createChatModel(FIRST, one, "ok-" + one, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(FIRST, other, "ok-" + other, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(FIRST, limited, "limited-" + limited, provider.apiBase(), List.of());
        // One key, issued on the first instance: the second reads it from the shared database.
        key = RoutingAdmin.issueKey(FIRST, RoutingAdmin.unique("it-shared-db-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (route != null) {
            RoutingAdmin.admin("DELETE", "/api/admin/routes/" + route, null);
            RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + other, "{\"ttlSeconds\":0}");
            for (String model : List.of(limited, other, one)) {
                RoutingAdmin.deleteModelQuietly(model);
            }
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> call(Function<String, URI> instance, String model) {
        return RoutingAdmin.complete(
                instance,
                token,
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi " + model + "\"}]}");
    }

    /** Calls {@code model} on the second instance every 100 ms, for 2 s at most, until an answer passes. */
    private static HttpResponse<String> onTheSecondWithin2Seconds(
            String model, Predicate<HttpResponse<String>> followed) throws InterruptedException {
        HttpResponse<String> answer = call(second, model);
        for (int i = 0; i < 20 && !followed.test(answer); i++) {
            Thread.sleep(100);
            answer = call(second, model);
        }
        return answer;
    }

    private static Optional<String> served(HttpResponse<String> answer) {
        return answer.headers().firstValue(SERVED);
    }

    @Test
    void should_send_a_routes_calls_on_one_instance_where_an_admin_on_the_other_just_pointed_it() throws Exception {
        putRoute(one);
        assertThat(served(call(second, route))).contains(one);

        putRoute(other);

        HttpResponse<String> answer =
                onTheSecondWithin2Seconds(route, response -> served(response).equals(Optional.of(other)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(served(answer)).contains(other);
    }

    private static void putRoute(String target) {
        HttpResponse<String> saved = RoutingAdmin.admin(
                FIRST,
                "PUT",
                "/api/admin/routes/" + route,
                "{\"sticky\":false,\"targets\":[{\"model\":\"" + target + "\",\"weight\":1}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    @Test
    void should_fall_back_on_one_instance_to_the_model_an_admin_on_the_other_just_added_as_fallback() throws Exception {
        HttpResponse<String> alone = call(second, limited);
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(429);

        HttpResponse<String> model = RoutingAdmin.admin(FIRST, "GET", "/api/admin/models/" + limited, null);
        long version =
                RoutingAdmin.object(model.body()).getJsonNumber("version").longValue();
        HttpResponse<String> patched = RoutingAdmin.admin(
                FIRST,
                "PATCH",
                "/api/admin/models/" + limited,
                "{\"fallbacks\":[\"" + one + "\"],\"version\":" + version + "}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        HttpResponse<String> answer = onTheSecondWithin2Seconds(limited, response -> response.statusCode() == 200);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(served(answer)).contains(one);
    }

    @Test
    void should_cache_on_one_instance_the_answers_of_a_model_an_admin_on_the_other_just_gave_a_ttl() throws Exception {
        assertThat(call(second, other).headers().firstValue(CACHE)).isEmpty();

        HttpResponse<String> policy =
                RoutingAdmin.admin(FIRST, "PUT", "/api/admin/response-cache/" + other, "{\"ttlSeconds\":60}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);

        HttpResponse<String> answer = onTheSecondWithin2Seconds(
                other, response -> response.headers().firstValue(CACHE).isPresent());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue(CACHE)).isPresent();
        HttpResponse<String> again = call(second, other);
        assertThat(again.headers().firstValue(CACHE)).contains("hit");
    }
}
