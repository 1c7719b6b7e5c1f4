package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's {@code x-ratelimit-*} headers on gateway answers, read raw by the official openai-java client: the limits
 * that applied to the call (the tighter of the gateway key's and the model's), what they have left with the call
 * counted, and when their window frees room, in OpenAI's duration format; on a 429 too; none when no limit applies.
 * Chat completions, the Responses API (whole and streamed) and embeddings alike. The IT server keeps its windows in
 * Redis, so this drives the Lua admission.
 */
class RateLimitHeadersIT {

    /** Go's duration text, as OpenAI writes its resets: {@code 1m0s}, {@code 59.874s}, {@code 250ms}. */
    private static final Pattern RESET = Pattern.compile("(?:(\\d+)m)?(\\d+(?:\\.\\d{1,3})?)s|(\\d+)ms");

    private static UpstreamStub stub;
    private static final List<String> models = new ArrayList<>();
    private static final List<JsonObject> keys = new ArrayList<>();

    @BeforeAll
    static void stub() throws Exception {
        stub = new UpstreamStub();
    }

    @AfterAll
    static void cleanUp() {
        keys.forEach(GatewayAdmin::revokeQuietly);
        models.forEach(GatewayAdmin::deleteModelQuietly);
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void should_count_down_the_keys_requests_when_they_are_tighter_than_the_models_and_tell_them_on_the_429() {
        String model = limitedModel("chat", "{\"requestsPerMinute\":10}");
        JsonObject key = key(model, "{\"requestsPerMinute\":2}");
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            Headers first = chat(client, model).headers();
            Headers second = chat(client, model).headers();
            RateLimitException refused = catchThrowableOfType(RateLimitException.class, () -> chat(client, model));

            assertThat(one(first, "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(first, "x-ratelimit-remaining-requests")).isEqualTo("1");
            // The key's window holds only this call: room frees when it leaves, a minute from now.
            assertThat(one(first, "x-ratelimit-reset-requests")).isEqualTo("1m0s");
            assertThat(first.values("x-ratelimit-limit-tokens"))
                    .as("neither the key nor the model limits tokens")
                    .isEmpty();
            assertThat(one(second, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(reset(one(second, "x-ratelimit-reset-requests")))
                    .isPositive()
                    .isLessThan(Duration.ofMinutes(1));

            assertThat(refused.statusCode()).isEqualTo(429);
            Headers refusal = refused.headers();
            assertThat(one(refusal, "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(refusal, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(reset(one(refusal, "x-ratelimit-reset-requests")))
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(refusal.values("x-ratelimit-remaining-tokens")).isEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    void should_tell_the_models_limits_whole_and_streamed_with_its_output_tokens_settled_and_on_its_429() {
        String model = limitedModel("chat", "{\"requestsPerMinute\":3,\"outputTokensPerMinute\":1000}");
        JsonObject key = key(model, "{}");
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            Headers first = chat(client, model).headers();
            Headers streamed;
            try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> stream =
                    client.chat().completions().withRawResponse().createStreaming(params(model))) {
                streamed = stream.headers();
                try (StreamResponse<ChatCompletionChunk> chunks = stream.parse()) {
                    assertThat(chunks.stream().count()).isPositive();
                }
            }
            Headers third = chat(client, model).headers();
            RateLimitException refused = catchThrowableOfType(RateLimitException.class, () -> chat(client, model));

            assertThat(one(first, "x-ratelimit-limit-requests")).isEqualTo("3");
            assertThat(one(first, "x-ratelimit-remaining-requests")).isEqualTo("2");
            assertThat(one(first, "x-ratelimit-limit-tokens")).isEqualTo("1000");
            // The call's max_tokens (100) is held until the provider reports its 4 completion tokens.
            assertThat(one(first, "x-ratelimit-remaining-tokens")).isEqualTo("900");
            assertThat(one(first, "x-ratelimit-reset-tokens")).isEqualTo("1m0s");

            assertThat(one(streamed, "x-ratelimit-remaining-requests")).isEqualTo("1");
            assertThat(one(streamed, "x-ratelimit-remaining-tokens")).isEqualTo(Integer.toString(1000 - 4 - 100));
            // The stream's 5 completion tokens were settled before the next call.
            assertThat(one(third, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(one(third, "x-ratelimit-remaining-tokens")).isEqualTo(Integer.toString(1000 - 4 - 5 - 100));

            Headers refusal = refused.headers();
            assertThat(one(refusal, "x-ratelimit-limit-requests")).isEqualTo("3");
            assertThat(one(refusal, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(one(refusal, "x-ratelimit-remaining-tokens")).isEqualTo(Integer.toString(1000 - 4 - 5 - 4));
            assertThat(reset(one(refusal, "x-ratelimit-reset-requests")))
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(refusal.values("retry-after")).isNotEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    void should_tell_the_tighter_limits_on_responses_whole_and_streamed_and_the_keys_on_its_429() {
        String model = limitedModel("chat", "{\"requestsPerMinute\":10,\"outputTokensPerMinute\":1000}");
        JsonObject key = key(model, "{\"requestsPerMinute\":2}");
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            HttpResponseFor<Response> whole =
                    client.responses().withRawResponse().create(responseParams(model));
            assertThat(whole.parse().output()).isNotEmpty();
            Headers streamed;
            try (HttpResponseFor<StreamResponse<ResponseStreamEvent>> stream =
                    client.responses().withRawResponse().createStreaming(responseParams(model))) {
                streamed = stream.headers();
                try (StreamResponse<ResponseStreamEvent> events = stream.parse()) {
                    assertThat(events.stream().filter(ResponseStreamEvent::isCompleted))
                            .hasSize(1);
                }
            }
            RateLimitException refused = catchThrowableOfType(
                    RateLimitException.class, () -> client.responses().create(responseParams(model)));

            // Requests: the key's window (1 left) is tighter than the model's (9 left); tokens: the model's only.
            assertThat(one(whole.headers(), "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(whole.headers(), "x-ratelimit-remaining-requests")).isEqualTo("1");
            assertThat(one(whole.headers(), "x-ratelimit-reset-requests")).isEqualTo("1m0s");
            assertThat(one(whole.headers(), "x-ratelimit-limit-tokens")).isEqualTo("1000");
            // max_output_tokens (100) is held until the provider reports its 4 completion tokens.
            assertThat(one(whole.headers(), "x-ratelimit-remaining-tokens")).isEqualTo("900");
            assertThat(one(whole.headers(), "x-ratelimit-reset-tokens")).isEqualTo("1m0s");
            assertThat(one(streamed, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(one(streamed, "x-ratelimit-remaining-tokens")).isEqualTo(Integer.toString(1000 - 4 - 100));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(one(refused.headers(), "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(refused.headers(), "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(reset(one(refused.headers(), "x-ratelimit-reset-requests")))
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofMinutes(1));
        } finally {
            client.close();
        }
    }

    @Test
    void should_tell_the_tighter_limits_on_embeddings_with_the_providers_input_tokens_settled() {
        String model = limitedModel("embedding", "{\"requestsPerMinute\":10,\"inputTokensPerMinute\":1000}");
        JsonObject key = key(model, "{\"requestsPerMinute\":2}");
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            Headers first = embed(client, model).headers();
            Headers second = embed(client, model).headers();
            RateLimitException refused = catchThrowableOfType(RateLimitException.class, () -> embed(client, model));

            assertThat(one(first, "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(first, "x-ratelimit-remaining-requests")).isEqualTo("1");
            assertThat(one(second, "x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(one(first, "x-ratelimit-limit-tokens")).isEqualTo("1000");
            long firstLeft = Long.parseLong(one(first, "x-ratelimit-remaining-tokens"));
            long secondLeft = Long.parseLong(one(second, "x-ratelimit-remaining-tokens"));
            // Each call holds the same estimate of its input; the first was settled with the provider's 7 tokens.
            assertThat(firstLeft).isLessThan(1000);
            assertThat(firstLeft - secondLeft).isEqualTo(7);
            assertThat(one(first, "x-ratelimit-reset-tokens")).isEqualTo("1m0s");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(one(refused.headers(), "x-ratelimit-limit-requests")).isEqualTo("2");
            assertThat(one(refused.headers(), "x-ratelimit-remaining-requests")).isEqualTo("0");
        } finally {
            client.close();
        }
    }

    @Test
    void should_send_no_rate_limit_header_when_neither_the_key_nor_the_model_has_a_limit() {
        String model = limitedModel("chat", "{}");
        JsonObject key = key(model, "{}");
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        try {
            HttpResponseFor<ChatCompletion> answer = chat(client, model);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().names())
                    .as("no x-ratelimit-* header")
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("x-ratelimit-"));
        } finally {
            client.close();
        }
    }

    private static HttpResponseFor<ChatCompletion> chat(OpenAIClient client, String model) {
        HttpResponseFor<ChatCompletion> answer =
                client.chat().completions().withRawResponse().create(params(model));
        assertThat(answer.parse().choices()).isNotEmpty();
        return answer;
    }

    private static ChatCompletionCreateParams params(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Say hello to the rate limit headers")
                .maxTokens(100)
                .build();
    }

    private static HttpResponseFor<CreateEmbeddingResponse> embed(OpenAIClient client, String model) {
        HttpResponseFor<CreateEmbeddingResponse> answer = client.embeddings()
                .withRawResponse()
                .create(EmbeddingCreateParams.builder()
                        .model(model)
                        .input("Embed the rate limit headers")
                        .build());
        assertThat(answer.parse().data()).hasSize(1);
        return answer;
    }

    private static ResponseCreateParams responseParams(String model) {
        return ResponseCreateParams.builder()
                .model(model)
                .input("Say hello to the rate limit headers")
                .maxOutputTokens(100)
                .build();
    }

    /** A model of this type ({@code chat}, {@code embedding}) on the stub with these per-minute limits. */
    private static String limitedModel(String type, String limitsJson) {
        String id = unique("it-ratelimit");
        HttpResponse<String> created = GatewayAdmin.post(
                "/api/admin/models",
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"other\",\"providerModelName\":\""
                        + UpstreamStub.ANSWER_MODEL + "\",\"displayName\":\"IT " + id + "\",\"apiBase\":\""
                        + stub.apiBase() + "\",\"contextLength\":8192,\"active\":true," + GatewayAdmin.CAPABLE
                        + ",\"limits\":" + limitsJson + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        models.add(id);
        return id;
    }

    private static JsonObject key(String model, String limitsJson) {
        JsonObject key = GatewayAdmin.issueKey(unique("it-ratelimit-key"), "[\"" + model + "\"]", limitsJson);
        keys.add(key);
        return key;
    }

    private static String one(Headers headers, String name) {
        assertThat(headers.values(name)).as(name).hasSize(1);
        return headers.values(name).get(0);
    }

    /** Reads a reset as OpenAI writes it (Go's duration text). */
    private static Duration reset(String text) {
        Matcher matcher = RESET.matcher(text);
        assertThat(matcher.matches()).as("OpenAI's duration format: " + text).isTrue();
        if (matcher.group(3) != null) {
            return Duration.ofMillis(Long.parseLong(matcher.group(3)));
        }
        long minutes = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long millis =
                new java.math.BigDecimal(matcher.group(2)).movePointRight(3).longValueExact();
        return Duration.ofMinutes(minutes).plusMillis(millis);
    }
}
