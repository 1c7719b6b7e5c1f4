package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fallbacks through the running server: models created with the admin API (with their fallback lists) at a stub
 * provider, called through the OpenAI-compatible gateway. The answer names the model that served it (its {@code model}
 * field and {@code X-LLM-Admin-Model}), and the usage API shows every attempt under the model it went to.
 */
class FallbackRoutingIT {

    private static final String SERVED = "X-LLM-Admin-Model";
    private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static final List<String> created = new ArrayList<>();
    private static String tag;

    @BeforeAll
    static void createKey() throws Exception {
        provider = new ProviderStub();
        tag = RoutingAdmin.unique("rt");
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-routing-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        // newest first: a model that is still another's fallback cannot be deleted
        for (int i = created.size() - 1; i >= 0; i--) {
            RoutingAdmin.deleteModelQuietly(created.get(i));
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A model at the stub; its provider model name (which decides how the stub answers) is {@code behaviour-id}. */
    private static String model(String behaviour, String... fallbacks) {
        String id = RoutingAdmin.unique(tag + "-" + behaviour);
        RoutingAdmin.createChatModel(id, behaviour + "-" + id, provider.apiBase(), List.of(fallbacks));
        created.add(id);
        return id;
    }

    private static HttpResponse<String> call(String model, boolean stream) {
        return RoutingAdmin.complete(
                token, "{\"model\":\"" + model + "\"," + (stream ? "\"stream\":true," : "") + HELLO + "}");
    }

    /** Usage per model id (of this test's models), as outcome → calls, once the batched writer has caught up. */
    private static Map<String, JsonObject> usageOf(List<String> models, int expectedCalls) throws InterruptedException {
        return Eventually.polled(
                expectedCalls + " calls of " + models + " in usage",
                () -> RoutingAdmin.usage().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(entry -> models.contains(entry.getString("modelId")))
                        .collect(Collectors.toMap(entry -> entry.getString("modelId"), entry -> entry)),
                byModel -> byModel.values().stream()
                                .mapToLong(entry -> entry.getJsonNumber("calls").longValue())
                                .sum()
                        >= expectedCalls);
    }

    @Test
    void should_answer_from_the_fallback_name_it_and_record_both_models_when_the_primary_is_down() throws Exception {
        // given
        String backup = model("ok");
        String primary = model("down", backup);

        // when
        HttpResponse<String> response = call(primary, false);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject answer = RoutingAdmin.object(response.body());
        assertThat(answer.getString("model")).isEqualTo(backup);
        assertThat(response.headers().firstValue(SERVED)).contains(backup);
        assertThat(answer.getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo("from ok-" + backup);
        Map<String, JsonObject> usage = usageOf(List.of(primary, backup), provider.requestsFor("down-" + primary) + 1);
        assertThat(usage.get(primary)
                        .getJsonObject("callsByOutcome")
                        .getJsonNumber("UPSTREAM_UNAVAILABLE")
                        .longValue())
                .isEqualTo(provider.requestsFor("down-" + primary))
                .isPositive();
        assertThat(usage.get(backup)
                        .getJsonObject("callsByOutcome")
                        .getJsonNumber("SUCCESS")
                        .longValue())
                .isEqualTo(1);
        assertThat(usage.get(backup).getJsonNumber("tokensIn").longValue()).isEqualTo(11);
    }

    @Test
    void should_go_down_a_chain_of_two_fallbacks_whole_and_streamed() {
        // given: first -> second -> third, where first and second are down
        String third = model("ok");
        String second = model("down", third);
        String first = model("down", second);

        // when
        HttpResponse<String> whole = call(first, false);
        HttpResponse<String> streamed = call(first, true);

        // then
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        assertThat(RoutingAdmin.object(whole.body()).getString("model")).isEqualTo(third);
        assertThat(whole.headers().firstValue(SERVED)).contains(third);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.headers().firstValue(SERVED)).contains(third);
        List<JsonObject> chunks = streamed.body()
                .lines()
                .filter(line -> line.startsWith("data: {"))
                .map(line -> RoutingAdmin.object(line.substring(6)))
                .toList();
        assertThat(chunks)
                .isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.getString("model")).isEqualTo(third));
        assertThat(streamed.body()).contains("from ok-" + third).endsWith("data: [DONE]\n\n");
        assertThat(provider.requestsFor("down-" + second)).isPositive();
    }

    @Test
    void should_send_a_providers_429_to_the_fallback_at_once_without_retrying_it() {
        String backup = model("ok");
        String primary = model("limited", backup);

        HttpResponse<String> response = call(primary, false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue(SERVED)).contains(backup);
        assertThat(provider.requestsFor("limited-" + primary)).isEqualTo(1);
    }

    @Test
    void should_answer_a_providers_429_with_its_retry_after_and_no_retry_when_there_is_no_fallback() {
        String alone = model("limited");

        HttpResponse<String> whole = call(alone, false);
        HttpResponse<String> streamed = call(alone, true);

        assertThat(List.of(whole, streamed)).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).contains("7");
            assertThat(RoutingAdmin.object(response.body())
                            .getJsonObject("error")
                            .getString("type"))
                    .isEqualTo("rate_limit_error");
        });
        // one upstream call per request: the provider's 429 was not retried inside the request
        assertThat(provider.requestsFor("limited-" + alone)).isEqualTo(2);
    }
}
