package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.SecondServer;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty instances of one deployment sharing the test Redis (the IT server and {@link SecondServer}, which takes
 * the IT server's {@code REDIS_URL}, catalog channel and {@code LLM_STATE_REDIS_KEY_PREFIX}): a model cooling down on
 * one is skipped on the other without being contacted, an answer cached by one is served by the other without an
 * upstream call, and a probe made on one is listed by the other. Each instance has a database of its own (as
 * SecondServer makes it), so the models, keys and cache policies are created on both, with the same ids, at the same
 * provider stub.
 */
class TwoInstancesIT {

    private static final String SERVED = "X-LLM-Admin-Model";

    private static final Function<String, URI> FIRST = ServerUnderTest::uri;
    private static Function<String, URI> second;
    private static ProviderStub provider;
    private static String firstToken;
    private static String secondToken;
    private static String backup;
    private static String flaky;
    private static String cached;

    @BeforeAll
    static void createModelsAndKeysOnBoth() throws Exception {
        second = SecondServer.shared()::uri;
        provider = new ProviderStub();
        backup = RoutingAdmin.unique("it-two-backup");
        flaky = RoutingAdmin.unique("it-two-flaky");
        cached = RoutingAdmin.unique("it-two-cached");
        for (Function<String, URI> instance : List.of(FIRST, second)) {
            RoutingAdmin.createChatModel(instance, backup, "ok-" + backup, provider.apiBase(), List.of());
            // The same model under another provider name on each instance: the stub tells who contacted it.
            String name = (instance == FIRST ? "p-" : "q-") + flaky;
            RoutingAdmin.createChatModel(instance, flaky, name, provider.apiBase(), List.of(backup));
            RoutingAdmin.createChatModel(instance, cached, "p-" + cached, provider.apiBase(), List.of());
            HttpResponse<String> policy =
                    RoutingAdmin.admin(instance, "PUT", "/api/admin/response-cache/" + cached, "{\"ttlSeconds\":60}");
            assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        }
        firstToken =
                RoutingAdmin.issueKey(FIRST, RoutingAdmin.unique("it-two-key")).getString("token");
        secondToken =
                RoutingAdmin.issueKey(second, RoutingAdmin.unique("it-two-key")).getString("token");
    }

    @AfterAll
    static void cleanUp() {
        if (cached != null) {
            RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + cached, "{\"ttlSeconds\":0}");
            for (String model : List.of(flaky, cached, backup)) {
                RoutingAdmin.deleteModelQuietly(model);
            }
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> call(Function<String, URI> instance, String token, String model) {
        return RoutingAdmin.complete(
                instance,
                token,
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi " + model + "\"}]}");
    }

    @Test
    void should_skip_on_one_instance_a_model_cooling_down_on_the_other() {
        // given: the model keeps failing on the first instance (3 failed calls cool it down for 3 s)
        // The second instance has answered a call already (a cold first call could outlast the 3 s cool-down).
        assertThat(call(second, secondToken, backup).statusCode()).isEqualTo(200);
        provider.fail("p-" + flaky);
        provider.fail("q-" + flaky);
        for (int i = 0; i < 3; i++) {
            assertThat(call(FIRST, firstToken, flaky).headers().firstValue(SERVED))
                    .contains(backup);
        }

        // when: the second instance, which never called it, is asked for it during the cool-down
        HttpResponse<String> skipped = call(second, secondToken, flaky);

        // then: it sends the call to the fallback without contacting the model, and lists the cool-down
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.headers().firstValue(SERVED)).contains(backup);
        assertThat(provider.requestsFor("q-" + flaky)).isZero();
        assertThat(RoutingAdmin.cooldownState(second, flaky)).isIn("COOLING_DOWN", "PROBING");
        provider.recover("p-" + flaky);
        provider.recover("q-" + flaky);
    }

    @Test
    void should_serve_on_one_instance_an_answer_the_other_cached() {
        HttpResponse<String> miss = call(FIRST, firstToken, cached);
        HttpResponse<String> hit = call(second, secondToken, cached);

        assertThat(miss.headers().firstValue("x-llmadmin-cache")).contains("miss");
        assertThat(hit.statusCode()).as(hit.body()).isEqualTo(200);
        assertThat(hit.headers().firstValue("x-llmadmin-cache")).contains("hit");
        assertThat(RoutingAdmin.object(hit.body())
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo("from p-" + cached);
        assertThat(provider.requestsFor("p-" + cached)).isEqualTo(1);
    }

    @Test
    void should_list_on_one_instance_a_probe_made_on_the_other() {
        HttpResponse<String> probe = RoutingAdmin.admin(FIRST, "POST", "/api/admin/model-health/" + backup, "");
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);

        JsonObject entry = RoutingAdmin.entryOf(second, "/api/admin/model-health", backup)
                .orElseThrow(() -> new AssertionError("no probe of " + backup + " on the second instance"));

        assertThat(entry.getString("status")).isEqualTo("UP");
    }
}
