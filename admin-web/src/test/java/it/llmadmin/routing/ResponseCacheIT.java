package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response cache through the gateway: with a TTL set through the admin API, the same request (whatever its key
 * order or end user) is answered from the cache without calling the provider (the stub counts its calls), whole or as
 * a stream; {@code Cache-Control: no-cache} goes upstream; hits are counted in usage as {@code CACHE_HIT} without
 * tokens. The IT server has {@code REDIS_URL}, so the answers live in the test Redis.
 */
class ResponseCacheIT {

    private static final String CACHE = "x-llmadmin-cache";

    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static String cached;
    private static String uncached;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        provider = new ProviderStub();
        cached = RoutingAdmin.unique("it-cache");
        uncached = RoutingAdmin.unique("it-nocache");
        RoutingAdmin.createChatModel(cached, "p-" + cached, provider.apiBase(), List.of());
        RoutingAdmin.createChatModel(uncached, "p-" + uncached, provider.apiBase(), List.of());
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-cache-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (cached != null) {
            RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + cached, "{\"ttlSeconds\":0}");
            RoutingAdmin.deleteModelQuietly(cached);
            RoutingAdmin.deleteModelQuietly(uncached);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> complete(String body, String cacheControl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        return ServerUnderTest.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void should_serve_the_same_request_from_the_cache_without_calling_the_provider() {
        // given: answers of the model are kept for a minute
        HttpResponse<String> policy =
                RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + cached, "{\"ttlSeconds\":60}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        assertThat(RoutingAdmin.admin("GET", "/api/admin/response-cache", null).body())
                .contains("\"modelId\":\"" + cached + "\"")
                .contains("\"ttlSeconds\":60");
        String prompt = "What is 2+2? " + cached;

        // when: a request, then the same request with its fields in another order and another end user
        HttpResponse<String> first = complete(
                "{\"model\":\"" + cached + "\",\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\""
                        + prompt + "\"}]}",
                null);
        HttpResponse<String> second = complete(
                "{\"messages\":[{\"content\":\"" + prompt + "\",\"role\":\"user\"}],\"temperature\":0.5,"
                        + "\"user\":\"someone-else\",\"model\":\"" + cached + "\"}",
                null);

        // then: the provider was called once; the second answer came from the cache with the same text
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue(CACHE)).contains("miss");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.headers().firstValue(CACHE)).contains("hit");
        assertThat(content(second)).isEqualTo(content(first)).isEqualTo("from p-" + cached);
        assertThat(RoutingAdmin.object(second.body()).getString("model")).isEqualTo(cached);
        assertThat(provider.requestsFor("p-" + cached)).isEqualTo(1);

        // when: the same request as a stream (no tools): replayed from the cache
        HttpResponse<String> streamed = complete(
                "{\"model\":\"" + cached + "\",\"stream\":true,\"temperature\":0.5,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"" + prompt + "\"}]}",
                null);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.headers().firstValue(CACHE)).contains("hit");
        assertThat(streamed.body())
                .contains("from p-" + cached)
                .contains("\"finish_reason\":\"stop\"")
                .endsWith("data: [DONE]\n\n");
        assertThat(provider.requestsFor("p-" + cached)).isEqualTo(1);

        // when: another parameter, or the client asks for no cache: the provider is called
        HttpResponse<String> otherTemperature = complete(
                "{\"model\":\"" + cached + "\",\"temperature\":0.7,\"messages\":[{\"role\":\"user\",\"content\":\""
                        + prompt + "\"}]}",
                null);
        HttpResponse<String> noCache = complete(
                "{\"model\":\"" + cached + "\",\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\""
                        + prompt + "\"}]}",
                "no-cache");
        assertThat(otherTemperature.headers().firstValue(CACHE)).contains("miss");
        assertThat(noCache.statusCode()).as(noCache.body()).isEqualTo(200);
        assertThat(noCache.headers().firstValue(CACHE)).contains("miss");
        assertThat(provider.requestsFor("p-" + cached)).isEqualTo(3);

        // then: usage counts the two hits apart, with no tokens, and the three provider calls with theirs
        JsonObject usage = usageOf(cached, 5);
        assertThat(usage.getJsonNumber("calls").longValue()).isEqualTo(5);
        assertThat(usage.getJsonObject("callsByOutcome").getInt("CACHE_HIT")).isEqualTo(2);
        assertThat(usage.getJsonObject("callsByOutcome").getInt("SUCCESS")).isEqualTo(3);
        assertThat(usage.getJsonNumber("tokensOut").longValue()).isEqualTo(3 * 4);
    }

    @Test
    void should_call_the_provider_every_time_for_a_model_without_a_cache_ttl() {
        String body = "{\"model\":\"" + uncached + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> first = complete(body, null);
        HttpResponse<String> second = complete(body, null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.headers().firstValue(CACHE)).isEmpty();
        assertThat(provider.requestsFor("p-" + uncached)).isEqualTo(2);
    }

    @Test
    void should_refuse_a_negative_ttl_and_an_unknown_model() {
        HttpResponse<String> negative =
                RoutingAdmin.admin("PUT", "/api/admin/response-cache/" + uncached, "{\"ttlSeconds\":-1}");
        HttpResponse<String> unknown =
                RoutingAdmin.admin("PUT", "/api/admin/response-cache/no-such-model-xyz", "{\"ttlSeconds\":10}");

        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
        assertThat(negative.body()).contains("ttlSeconds");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    private static String content(HttpResponse<String> response) {
        return RoutingAdmin.object(response.body())
                .getJsonArray("choices")
                .getJsonObject(0)
                .getJsonObject("message")
                .getString("content");
    }

    /** The model's usage once the batched writer has stored at least {@code calls} calls. */
    private static JsonObject usageOf(String model, int calls) {
        return Eventually.polled(
                        calls + " calls of " + model + " in usage",
                        () -> RoutingAdmin.usage().stream()
                                .map(JsonValue::asJsonObject)
                                .filter(usage -> usage.getString("modelId").equals(model))
                                .findFirst(),
                        entry -> entry.isPresent()
                                && entry.get().getJsonNumber("calls").longValue() >= calls)
                .orElseThrow();
    }
}
