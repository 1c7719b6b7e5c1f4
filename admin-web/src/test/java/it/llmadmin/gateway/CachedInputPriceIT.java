package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input tokens a provider reads from its prompt cache are priced at the model's cached-input price: the loopback
 * stub (OpenAI's wire) reports 8 of its prompt tokens as cached ({@code prompt_tokens_details.cached_tokens}), whole
 * and streamed; the request log shows them and the recorded cost, the usage API sums that cost and the cached tokens
 * (from the raw rows and from the hourly rollups), and the gateway's answer names them as OpenAI does.
 */
class CachedInputPriceIT {

    private static UpstreamStub stub;
    private static String model;
    private static JsonObject key;
    private static Instant started;

    @BeforeAll
    static void pricedModelAndKey() throws Exception {
        started = Instant.now().minusSeconds(5);
        stub = new UpstreamStub();
        model = unique("it-cached");
        GatewayAdmin.createChatModel(model, UpstreamStub.CACHED, stub.apiBase());
        HttpResponse<String> priced = GatewayAdmin.post(
                "/api/admin/models/" + model + "/prices",
                "{\"currency\":\"USD\",\"inputPerMillion\":100,\"outputPerMillion\":500,\"cachedInputPerMillion\":10}");
        assertThat(priced.statusCode()).as(priced.body()).isEqualTo(201);
        key = GatewayAdmin.issueKey(unique("it-cached-key"), "[\"" + model + "\"]", "{}");
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        if (model != null) {
            GatewayAdmin.deleteModelQuietly(model);
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void should_price_cached_input_tokens_at_the_cached_input_price_whole_and_streamed() throws Exception {
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        ChatCompletion whole;
        Optional<CompletionUsage> streamedUsage = Optional.empty();
        try {
            whole = client.chat().completions().create(params().build());
            try (StreamResponse<ChatCompletionChunk> chunks = client.chat()
                    .completions()
                    .createStreaming(params().streamOptions(ChatCompletionStreamOptions.builder()
                                    .includeUsage(true)
                                    .build())
                            .build())) {
                for (ChatCompletionChunk chunk : chunks.stream().toList()) {
                    if (chunk.usage().isPresent()) {
                        streamedUsage = chunk.usage();
                    }
                }
            }
        } finally {
            client.close();
        }

        // The client is told what the provider read from its cache, as OpenAI tells it.
        assertThat(whole.usage()
                        .orElseThrow()
                        .promptTokensDetails()
                        .orElseThrow()
                        .cachedTokens())
                .contains(8L);
        assertThat(streamedUsage
                        .orElseThrow()
                        .promptTokensDetails()
                        .orElseThrow()
                        .cachedTokens())
                .contains(8L);

        JsonArray calls = Eventually.polled(
                "two calls of the key in the request log",
                () -> {
                    HttpResponse<String> page = GatewayAdmin.get("/api/admin/usage/calls?size=10&from="
                            + encode(started.toString()) + "&key=" + encode(key.getString("name")));
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                    return GatewayAdmin.parse(page.body()).getJsonArray("items");
                },
                items -> items.size() >= 2);
        List<JsonObject> rows = calls.stream()
                .map(JsonValue::asJsonObject)
                .sorted(java.util.Comparator.comparingInt(row -> row.getInt("tokensIn")))
                .toList();
        // 3 uncached input tokens at 100, 8 cached at 10 and 4 output at 500 per million: 0.00238 USD (0.0031 if
        // the cached tokens were priced as input).
        assertCall(rows.get(0), 11, 8, 4, "0.00238");
        // Streamed: 4 uncached, 8 cached, 5 output.
        assertCall(rows.get(1), 12, 8, 5, "0.00298");

        HttpResponse<String> usage = GatewayAdmin.get("/api/admin/usage?groupBy=key&from=" + encode(started.toString())
                + "&key=" + encode(key.getString("name")));
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        JsonArray perKey;
        try (JsonReader reader = Json.createReader(new StringReader(usage.body()))) {
            perKey = reader.readArray();
        }
        assertThat(perKey).hasSize(1);
        assertThat(new BigDecimal(perKey.getJsonObject(0).getString("cost"))).isEqualByComparingTo("0.00536");
        assertThat(perKey.getJsonObject(0).getInt("tokensCached")).isEqualTo(16);

        // Whole hours are read from the hourly rollups alone: they sum the cached tokens too.
        Instant firstHour = started.truncatedTo(ChronoUnit.HOURS);
        Instant afterLastHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        JsonArray perHour = array(GatewayAdmin.get("/api/admin/usage?groupBy=hour&from=" + encode(firstHour.toString())
                + "&to=" + encode(afterLastHour.toString()) + "&key=" + encode(key.getString("name"))));
        assertThat(perHour.stream()
                        .mapToInt(hour -> hour.asJsonObject().getInt("tokensCached"))
                        .sum())
                .as(perHour.toString())
                .isEqualTo(16);
        assertThat(perHour.stream()
                        .mapToInt(hour -> hour.asJsonObject().getInt("tokensIn"))
                        .sum())
                .isEqualTo(23);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static void assertCall(JsonObject row, int in, int cached, int out, String cost) {
        assertThat(row.getInt("tokensIn")).as(row.toString()).isEqualTo(in);
        assertThat(row.getInt("tokensCached")).as(row.toString()).isEqualTo(cached);
        assertThat(row.getInt("tokensOut")).as(row.toString()).isEqualTo(out);
        assertThat(new BigDecimal(row.getString("cost"))).as(row.toString()).isEqualByComparingTo(cost);
        assertThat(row.getString("currency")).isEqualTo("USD");
    }

    private static ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello to the prompt cache");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
