package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A route defined through the admin API splits gateway calls between its targets by weight (1,000 calls of a 50/50
 * route land within ±5 % of half each), a sticky route keeps one caller on one target, the usage API shows each
 * target's calls, and a route that cannot work is refused with the field at fault.
 */
class WeightedRoutesIT {

    private static final String SERVED = "X-LLM-Admin-Model";
    private static final int CALLS = 1000;

    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static String blue;
    private static String green;
    private static String route;
    private static String stickyRoute;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        provider = new ProviderStub();
        blue = RoutingAdmin.unique("it-route-blue");
        green = RoutingAdmin.unique("it-route-green");
        route = RoutingAdmin.unique("it-route");
        stickyRoute = RoutingAdmin.unique("it-route-sticky");
        RoutingAdmin.createChatModel(blue, "p-" + blue, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(green, "p-" + green, provider.apiBase(), List.of());
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-route-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (route != null) {
            RoutingAdmin.admin("DELETE", "/api/admin/routes/" + route, null);
            RoutingAdmin.admin("DELETE", "/api/admin/routes/" + stickyRoute, null);
            RoutingAdmin.deleteModelQuietly(blue);
            RoutingAdmin.deleteModelQuietly(green);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static String routeBody(boolean sticky) {
        return "{\"sticky\":" + sticky + ",\"targets\":[{\"model\":\"" + blue + "\",\"weight\":50},{\"model\":\""
                + green + "\",\"weight\":50}]}";
    }

    @Test
    void should_split_a_fifty_fifty_route_within_five_percent_over_a_thousand_calls() throws Exception {
        // given
        HttpResponse<String> saved = RoutingAdmin.admin("PUT", "/api/admin/routes/" + route, routeBody(false));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String body = "{\"model\":\"" + route + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        // when: 1,000 calls to the route, sixteen at a time (more blocking calls than the container's pool starts with:
        // the server must neither starve nor hang under them)
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(callers.submit(() -> {
                    HttpResponse<String> answer = RoutingAdmin.complete(token, body);
                    answer.headers()
                            .firstValue(SERVED)
                            .ifPresent(model -> servedBy.computeIfAbsent(model, m -> new AtomicInteger())
                                    .incrementAndGet());
                    return answer.statusCode();
                }));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        // then: each target served half the calls, within ±5 % of all calls, and the provider saw exactly those
        assertThat(servedBy.keySet()).containsExactlyInAnyOrder(blue, green);
        assertThat(servedBy.get(blue).get()).isBetween(450, 550);
        assertThat(servedBy.get(blue).get() + servedBy.get(green).get()).isEqualTo(CALLS);
        assertThat(provider.requestsFor("p-" + blue))
                .isEqualTo(servedBy.get(blue).get());
        assertThat(provider.requestsFor("p-" + green))
                .isEqualTo(servedBy.get(green).get());

        // then: the usage API shows each target's calls side by side
        Map<String, JsonObject> targets = routeUsage(CALLS);
        assertThat(targets.get(blue).getInt("calls"))
                .isEqualTo(servedBy.get(blue).get());
        assertThat(targets.get(green).getInt("calls"))
                .isEqualTo(servedBy.get(green).get());
        assertThat(targets.get(blue).getJsonNumber("share").doubleValue()).isBetween(0.45, 0.55);
        assertThat(targets.get(blue).getInt("weight")).isEqualTo(50);
    }

    @Test
    void should_send_one_caller_of_a_sticky_route_to_the_same_target_every_time() {
        HttpResponse<String> saved = RoutingAdmin.admin("PUT", "/api/admin/routes/" + stickyRoute, routeBody(true));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        Map<String, List<String>> servedPerUser = new java.util.TreeMap<>();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> answer = RoutingAdmin.complete(
                        token,
                        "{\"model\":\"" + stickyRoute + "\",\"user\":\"" + user
                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                servedPerUser
                        .computeIfAbsent(user, u -> new java.util.ArrayList<>())
                        .add(answer.headers().firstValue(SERVED).orElse(""));
            }
        }

        servedPerUser.forEach((user, served) ->
                assertThat(served.stream().distinct()).as(user).singleElement().isIn(blue, green));
    }

    @Test
    void should_refuse_a_route_whose_target_is_no_chat_model_or_whose_id_is_a_model() {
        HttpResponse<String> unknownTarget = RoutingAdmin.admin(
                "PUT",
                "/api/admin/routes/" + RoutingAdmin.unique("it-route-bad"),
                "{\"targets\":[{\"model\":\"no-such-model-xyz\",\"weight\":1}]}");
        HttpResponse<String> modelId = RoutingAdmin.admin("PUT", "/api/admin/routes/" + blue, routeBody(false));
        HttpResponse<String> noWeight = RoutingAdmin.admin(
                "PUT",
                "/api/admin/routes/" + RoutingAdmin.unique("it-route-bad"),
                "{\"targets\":[{\"model\":\"" + blue + "\",\"weight\":0}]}");

        assertThat(unknownTarget.statusCode()).as(unknownTarget.body()).isEqualTo(400);
        assertThat(unknownTarget.body()).contains("targets[0].model");
        assertThat(modelId.statusCode()).as(modelId.body()).isEqualTo(400);
        assertThat(modelId.body()).contains("\"field\":\"id\"");
        assertThat(noWeight.statusCode()).as(noWeight.body()).isEqualTo(400);
        assertThat(RoutingAdmin.admin("GET", "/api/admin/routes/no-such-route-xyz", null)
                        .statusCode())
                .isEqualTo(404);
    }

    /** The route's targets' usage once the batched writer has stored at least {@code calls} calls. */
    private static Map<String, JsonObject> routeUsage(int calls) throws InterruptedException {
        return Eventually.polled(
                calls + " calls of route " + route + " in its usage",
                () -> {
                    HttpResponse<String> response = RoutingAdmin.admin("GET", "/api/admin/usage/routes/" + route, null);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return RoutingAdmin.object(response.body()).getJsonArray("targets").stream()
                            .map(JsonValue::asJsonObject)
                            .collect(Collectors.toMap(target -> target.getString("modelId"), target -> target));
                },
                targets -> targets.values().stream()
                                .mapToInt(target -> target.getInt("calls"))
                                .sum()
                        >= calls);
    }
}
