package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fallbacks on the legacy facade's path, through the running server: ported code inside the server (the test WAR's
 * {@code LegacyChatProbeServlet}) calls {@code get_chat_model("other", name, api_base=...)} and {@code unified_call};
 * when provider, name and API base are a registry model's, a failing call of it is served by the model's registry
 * fallback, and the usage API shows both attempts under their models with the legacy caller. A caller that matches no
 * registry model keeps the legacy behaviour: one attempt, no fallback. (Left out of the deletion check with the rest of
 * the facade's ITs.)
 */
class LegacyFacadeFallbackIT {

    private static final String CALLER = "legacy:it.llmadmin.legacyprobe.LegacyChatProbeServlet";

    private static ProviderStub provider;
    private static String backup;
    private static String primary;

    @BeforeAll
    static void createModels() throws Exception {
        provider = new ProviderStub();
        backup = RoutingAdmin.unique("it-legacy-backup");
        primary = RoutingAdmin.unique("it-legacy-primary");
        RoutingAdmin.createChatModel(backup, "ok-" + backup, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(primary, "down-" + primary, provider.apiBase(), List.of(backup));
    }

    @AfterAll
    static void cleanUp() {
        if (primary != null) {
            RoutingAdmin.deleteModelQuietly(primary);
            RoutingAdmin.deleteModelQuietly(backup);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> legacyChat(String providerModelName) {
        return ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/it-probe/legacy-chat?name="
                        + URLEncoder.encode(providerModelName, StandardCharsets.UTF_8) + "&apiBase="
                        + URLEncoder.encode(provider.apiBase(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** The request log's entries of {@code model}, once {@code expected} are there. */
    private static List<JsonObject> callsOf(String model, int expected) throws InterruptedException {
        return Eventually.polled(
                expected + " calls of " + model + " in the request log",
                () -> {
                    HttpResponse<String> page =
                            RoutingAdmin.admin("GET", "/api/admin/usage/calls?model=" + model, null);
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                    return RoutingAdmin.object(page.body())
                            .getJsonArray("items")
                            .getValuesAs(JsonObject.class);
                },
                calls -> calls.size() >= expected);
    }

    @Test
    void should_serve_a_legacy_call_of_a_failing_registry_model_from_its_fallback_and_record_both_attempts()
            throws Exception {
        HttpResponse<String> answer = legacyChat("down-" + primary);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(RoutingAdmin.object(answer.body()).getString("response")).isEqualTo("from ok-" + backup);
        assertThat(provider.requestsFor("down-" + primary)).isEqualTo(1);
        assertThat(callsOf(primary, 1)).singleElement().satisfies(call -> {
            assertThat(call.getString("outcome")).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(call.getString("caller")).isEqualTo(CALLER);
        });
        assertThat(callsOf(backup, 1)).singleElement().satisfies(call -> {
            assertThat(call.getString("outcome")).isEqualTo("SUCCESS");
            assertThat(call.getString("caller")).isEqualTo(CALLER);
            assertThat(call.getInt("tokensIn")).isEqualTo(11);
        });
    }

    @Test
    void should_make_one_attempt_without_fallback_when_the_legacy_call_matches_no_registry_model() {
        String unregistered = "down-" + RoutingAdmin.unique("it-legacy-unregistered");

        HttpResponse<String> answer = legacyChat(unregistered);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(RoutingAdmin.object(answer.body()).getString("error")).isEqualTo("LlmUnavailableException");
        assertThat(provider.requestsFor(unregistered)).isEqualTo(1);
    }
}
