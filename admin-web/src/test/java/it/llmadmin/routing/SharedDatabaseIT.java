package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ItPasses;
import it.llmadmin.ItSecrets;
import it.llmadmin.SecondServer;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty instances of one deployment sharing one database and one Redis (the IT server and {@link SecondServer}
 * on the IT server's database: H2 through its {@code AUTO_SERVER} mode, or the same PostgreSQL database): a weighted
 * route, a fallback list, a cache policy, a model's provider model name and active flag, and a credential's secret an
 * admin changes through the admin API of one instance are applied by the other at once. The other instance has read
 * the old state just before (so its 5-second snapshots, its models kept for a minute and its decrypted secrets kept
 * for {@code LLMADMIN_VAULT_CACHE_SECONDS}, 30 s, hold it), and follows the change within 2 seconds: it heard the
 * change's notice and read the shared database again.
 */
@Tag(ItPasses.SHARED_DATABASE)
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
    private static String renamed;
    private static String withCredential;
    private static Long credential;

    @BeforeAll
    static void createModelsOnceForBoth() throws Exception {
        second = SecondServer.sharingTheItServersDatabase()::uri;
        provider = new ProviderStub();
        one = RoutingAdmin.unique("it-shared-db-one");
        other = RoutingAdmin.unique("it-shared-db-other");
        limited = RoutingAdmin.unique("it-shared-db-limited");
        route = RoutingAdmin.unique("it-shared-db-route");
        renamed = RoutingAdmin.unique("it-shared-db-renamed");
        withCredential = RoutingAdmin.unique("it-shared-db-credential");
        RoutingAdmin.createChatModel(FIRST, one, "ok-" + one, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(FIRST, other, "ok-" + other, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(FIRST, limited, "limited-" + limited, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(FIRST, renamed, "ok-" + renamed, provider.apiBase(), List.of());
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
            for (String model : List.of(limited, other, one, renamed, withCredential)) {
                RoutingAdmin.deleteModelQuietly(model);
            }
        }
        if (credential != null) {
            RoutingAdmin.admin("DELETE", "/api/admin/credentials/" + credential, null);
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

    /**
     * Calls {@code model} on the second instance every 100 ms until what {@code seen} makes of the call passes, for 2 s
     * at most (then fails); returns the last thing seen.
     */
    private static <T> T seenOnTheSecondWithin2Seconds(
            String what, String model, Function<HttpResponse<String>, T> seen, Predicate<T> followed) {
        return Eventually.value(
                what, Duration.ofSeconds(2), Duration.ofMillis(100), () -> seen.apply(call(second, model)), followed);
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

        HttpResponse<String> patched = RoutingAdmin.admin(
                FIRST,
                "PATCH",
                "/api/admin/models/" + limited,
                "{\"fallbacks\":[\"" + one + "\"],\"version\":" + version(limited) + "}");
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

    @Test
    void should_call_on_one_instance_the_provider_model_and_activity_an_admin_on_the_other_just_set() {
        HttpResponse<String> before = call(second, renamed);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(provider.requestsFor("ok-" + renamed)).isEqualTo(1);

        HttpResponse<String> patched = RoutingAdmin.admin(
                FIRST,
                "PATCH",
                "/api/admin/models/" + renamed,
                "{\"providerModelName\":\"ok-v2-" + renamed + "\",\"version\":" + version(renamed) + "}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        int callsOfTheNewName = seenOnTheSecondWithin2Seconds(
                "the second instance calling the new provider model name",
                renamed,
                answer -> provider.requestsFor("ok-v2-" + renamed),
                calls -> calls > 0);
        assertThat(callsOfTheNewName).isPositive();

        HttpResponse<String> deactivated =
                RoutingAdmin.admin(FIRST, "POST", "/api/admin/models/" + renamed + "/deactivate", "");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        int status = seenOnTheSecondWithin2Seconds(
                "the second instance refusing the deactivated model", renamed, HttpResponse::statusCode, s -> s == 404);
        assertThat(status).isEqualTo(404);
    }

    @Test
    void should_send_from_one_instance_the_secret_an_admin_on_the_other_just_gave_the_credential() {
        HttpResponse<String> created = RoutingAdmin.admin(
                FIRST,
                "POST",
                "/api/admin/credentials",
                "{\"name\":\"" + RoutingAdmin.unique("it-shared-db-cred") + "\",\"provider\":\"other\",\"baseUrl\":\""
                        + provider.apiBase() + "\",\"secret\":\"" + ItSecrets.WRONG_PROVIDER_SECRET + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        credential = RoutingAdmin.object(created.body()).getJsonNumber("id").longValue();
        HttpResponse<String> model = RoutingAdmin.admin(
                FIRST,
                "POST",
                "/api/admin/models",
                "{\"id\":\"" + withCredential
                        + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"ok-"
                        + withCredential + "\",\"displayName\":\"IT " + withCredential + "\",\"apiBase\":\""
                        + provider.apiBase() + "\",\"active\":true,\"credentialId\":" + credential + "}");
        assertThat(model.statusCode()).as(model.body()).isEqualTo(201);
        HttpResponse<String> before = call(second, withCredential);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(secretSentFor(withCredential)).isEqualTo("the old secret");

        HttpResponse<String> replaced = RoutingAdmin.admin(
                FIRST,
                "PUT",
                "/api/admin/credentials/" + credential + "/secrets",
                "{\"secret\":\"" + ItSecrets.PROVIDER_SECRET + "\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

        String sent = seenOnTheSecondWithin2Seconds(
                "the second instance sending the new secret",
                withCredential,
                answer -> secretSentFor(withCredential),
                "the new secret"::equals);
        assertThat(sent).isEqualTo("the new secret");
    }

    /** Which of the test's secrets the provider last received for the model (named, so no failure prints a secret). */
    private static String secretSentFor(String model) {
        String authorization = provider.lastAuthorizationFor("ok-" + model).orElse("");
        if (authorization.equals("Bearer " + ItSecrets.WRONG_PROVIDER_SECRET)) {
            return "the old secret";
        }
        return authorization.equals("Bearer " + ItSecrets.PROVIDER_SECRET) ? "the new secret" : "another header";
    }

    private static long version(String model) {
        HttpResponse<String> read = RoutingAdmin.admin(FIRST, "GET", "/api/admin/models/" + model, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return RoutingAdmin.object(read.body()).getJsonNumber("version").longValue();
    }
}
