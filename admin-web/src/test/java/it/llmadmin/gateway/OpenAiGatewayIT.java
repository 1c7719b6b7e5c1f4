package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.Response;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible gateway end to end: LangChain4j's OpenAI client (as any application would use it) talks to
 * {@code /openai/v1} with a gateway key; the server calls a stub OpenAI provider in this JVM through models created
 * with the admin API.
 */
class OpenAiGatewayIT {

    private static UpstreamStub upstream;
    private static ResettingUpstream resetting;
    private static String breaking;
    private static String embedding;
    private static String answering;
    private static String endless;
    private static String forbidden;
    private static String rateLimited;
    private static String changing;
    private static JsonObject key;
    private static String token;

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        upstream = new UpstreamStub();
        answering = unique("it-gw-answer");
        endless = unique("it-gw-endless");
        forbidden = unique("it-gw-forbidden");
        rateLimited = unique("it-gw-429");
        resetting = new ResettingUpstream();
        breaking = unique("it-gw-breaking");
        embedding = unique("it-gw-embed");
        changing = unique("it-gw-changing");
        GatewayAdmin.createChatModel(changing, "stub-before-change", upstream.apiBase());
        GatewayAdmin.createModel(embedding, "embedding", "stub-embedder", upstream.apiBase());
        GatewayAdmin.createChatModel(breaking, "breaks-mid-stream", resetting.apiBase());
        GatewayAdmin.createChatModel(answering, UpstreamStub.ANSWER_MODEL, upstream.apiBase());
        GatewayAdmin.createChatModel(endless, UpstreamStub.ENDLESS, upstream.apiBase());
        GatewayAdmin.createChatModel(forbidden, UpstreamStub.ANSWER_MODEL, upstream.apiBase());
        GatewayAdmin.createChatModel(rateLimited, UpstreamStub.RATE_LIMITED, upstream.apiBase());
        key = GatewayAdmin.issueKey(
                unique("it-gw-key"),
                "[\"" + answering + "\",\"" + endless + "\",\"" + rateLimited + "\",\"" + breaking + "\",\"" + embedding
                        + "\"]",
                "{}");
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        for (String model : new String[] {answering, endless, forbidden, rateLimited, breaking, embedding, changing}) {
            if (model != null) {
                GatewayAdmin.deleteModelQuietly(model);
            }
        }
        if (upstream != null) {
            upstream.close();
        }
        if (resetting != null) {
            try {
                resetting.close();
            } catch (java.io.IOException e) {
                // the test is over; the port goes with the JVM
            }
        }
    }

    private static String gatewayBase() {
        return ServerUnderTest.uri("/openai/v1").toString();
    }

    @Test
    void should_answer_an_openai_client_with_the_text_and_usage_and_pass_its_parameters_upstream() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(gatewayBase())
                .apiKey(token)
                .modelName(answering)
                .timeout(Duration.ofSeconds(30))
                .maxRetries(0)
                .build();

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(UserMessage.from("Say hello"))
                .temperature(0.25)
                .maxOutputTokens(50)
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("Hello from the stub");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(11);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(4);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(15);
        JsonObject sent = upstream.requests.get(upstream.requests.size() - 1);
        assertThat(sent.getString("model")).isEqualTo(UpstreamStub.ANSWER_MODEL);
        assertThat(sent.getJsonNumber("temperature").doubleValue()).isEqualTo(0.25);
        assertThat(sent.toString()).contains("Say hello").contains("50");
    }

    @Test
    void should_stream_the_tokens_in_order_to_an_openai_streaming_client() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(gatewayBase())
                .apiKey(token)
                .modelName(answering)
                .timeout(Duration.ofSeconds(30))
                .build();
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        assertThat(partials).containsExactlyElementsOf(UpstreamStub.STREAMED);
        assertThat(response.aiMessage().text()).isEqualTo(String.join("", UpstreamStub.STREAMED));
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(12);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
    }

    @Test
    void should_send_openai_chunks_then_done_as_server_sent_events() {
        HttpResponse<String> response = gateway(
                "POST",
                "/chat/completions",
                "Bearer " + token,
                "{\"model\":\"" + answering + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        assertThat(data).last().isEqualTo("[DONE]");
        List<JsonObject> chunks = data.subList(0, data.size() - 1).stream()
                .map(GatewayAdmin::parse)
                .toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
            assertThat(chunk.getString("model")).isEqualTo(answering);
            assertThat(chunk.getString("id")).isEqualTo(chunks.get(0).getString("id"));
        });
        List<String> contents = chunks.stream()
                .filter(chunk -> !chunk.getJsonArray("choices").isEmpty())
                .map(chunk -> chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
                .filter(delta -> delta.containsKey("content")
                        && !delta.getString("content").isEmpty())
                .map(delta -> delta.getString("content"))
                .toList();
        assertThat(contents).containsExactlyElementsOf(UpstreamStub.STREAMED);
        assertThat(chunks.get(0)
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("delta")
                        .getString("role"))
                .isEqualTo("assistant");
        JsonObject last = chunks.get(chunks.size() - 1);
        assertThat(last.getJsonArray("choices")).isEmpty();
        assertThat(last.getJsonObject("usage").getInt("total_tokens")).isEqualTo(17);
        assertThat(chunks.get(chunks.size() - 2)
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getString("finish_reason"))
                .isEqualTo("stop");
    }

    @Test
    void should_answer_in_openai_json_with_the_raw_shape() {
        HttpResponse<String> response = gateway(
                "POST",
                "/chat/completions",
                "Bearer " + token,
                "{\"model\":\"" + answering + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
                        + "{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":20}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject completion = json(response);
        assertThat(completion.getString("id")).startsWith("chatcmpl-");
        assertThat(completion.getString("object")).isEqualTo("chat.completion");
        assertThat(completion.getJsonNumber("created").longValue()).isPositive();
        assertThat(completion.getString("model")).isEqualTo(answering);
        JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getInt("index")).isZero();
        assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("Hello from the stub");
        assertThat(choice.getString("finish_reason")).isEqualTo("stop");
        assertThat(completion.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(11);
        assertThat(completion.getJsonObject("usage").getInt("completion_tokens"))
                .isEqualTo(4);
        assertThat(completion.getJsonObject("usage").getInt("total_tokens")).isEqualTo(15);
    }

    @Test
    void should_list_only_the_active_chat_and_embedding_models_the_key_may_use() {
        HttpResponse<String> response = gateway("GET", "/models", "Bearer " + token, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject list = json(response);
        assertThat(list.getString("object")).isEqualTo("list");
        List<String> ids = list.getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .peek(model -> {
                    assertThat(model.getString("object")).isEqualTo("model");
                    assertThat(model.getString("owned_by")).isNotBlank();
                    assertThat(model.getJsonNumber("created")).isNotNull();
                })
                .map(model -> model.getString("id"))
                .toList();
        assertThat(ids).containsExactlyInAnyOrder(answering, endless, rateLimited, breaking, embedding);
        assertThat(gateway("GET", "/models/" + answering, "Bearer " + token, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(gateway("GET", "/models/" + forbidden, "Bearer " + token, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_refuse_no_key_a_basic_login_an_unknown_key_and_a_revoked_key_with_an_openai_401() {
        JsonObject revokedKey = GatewayAdmin.issueKey(unique("it-gw-revoked"), "[]", "{}");
        GatewayAdmin.revokeQuietly(revokedKey);
        String body = "{\"model\":\"" + answering + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String basicAdmin = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + GatewayAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        List<HttpResponse<String>> refusals = List.of(
                gateway("POST", "/chat/completions", null, body),
                gateway("POST", "/chat/completions", basicAdmin, body),
                gateway("POST", "/chat/completions", "Bearer llmk_notAKeyOfOursAtAll000000000000000000000", body),
                gateway("POST", "/chat/completions", "Bearer " + revokedKey.getString("token"), body),
                gateway("GET", "/models", "Bearer " + revokedKey.getString("token"), null),
                gateway("GET", "/models", null, null));

        assertThat(refusals).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            JsonObject error = json(response).getJsonObject("error");
            assertThat(error.getString("message")).isNotBlank();
            assertThat(error.getString("type")).isEqualTo("invalid_request_error");
            assertThat(error.getString("code")).isEqualTo("invalid_api_key");
        });
    }

    @Test
    void should_call_a_changed_model_as_changed_and_refuse_it_once_deactivated_from_the_next_call_on() {
        JsonObject own = GatewayAdmin.issueKey(unique("it-gw-changing-key"), "[\"" + changing + "\"]", "{}");
        String ownToken = own.getString("token");
        try {
            assertThat(chat(ownToken, changing, "first").statusCode()).isEqualTo(200);
            assertThat(upstreamModelOf("first")).isEqualTo("stub-before-change");

            HttpResponse<String> changed = GatewayAdmin.patch(
                    "/api/admin/models/" + changing, "{\"providerModelName\":\"stub-after-change\"}", "\"1\"");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(chat(ownToken, changing, "second").statusCode()).isEqualTo(200);
            assertThat(upstreamModelOf("second"))
                    .as("the next call goes to the changed model")
                    .isEqualTo("stub-after-change");

            assertThat(GatewayAdmin.post("/api/admin/models/" + changing + "/deactivate", "")
                            .statusCode())
                    .isEqualTo(200);
            int sentBefore = upstream.requests.size();
            HttpResponse<String> deactivated = chat(ownToken, changing, "third");
            assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(404);
            assertThat(json(deactivated).getJsonObject("error").getString("code"))
                    .isEqualTo("model_not_found");
            assertThat(upstream.requests)
                    .as("nothing sent for a deactivated model")
                    .hasSize(sentBefore);

            assertThat(GatewayAdmin.post("/api/admin/models/" + changing + "/activate", "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(chat(ownToken, changing, "fourth").statusCode())
                    .as("active again: called at once")
                    .isEqualTo(200);
        } finally {
            GatewayAdmin.revokeQuietly(own);
        }
    }

    private static HttpResponse<String> chat(String bearer, String model, String text) {
        return gateway(
                "POST",
                "/chat/completions",
                "Bearer " + bearer,
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + " " + model
                        + "\"}]}");
    }

    /** The provider model name the stub was asked for by the call whose message held {@code text}. */
    private static String upstreamModelOf(String text) {
        return upstream.requests.stream()
                .filter(sent -> sent.toString().contains(text + " " + changing))
                .map(sent -> sent.getString("model"))
                .reduce((first, last) -> last)
                .orElseThrow();
    }

    @Test
    void should_refuse_a_model_outside_the_keys_list_as_not_found() {
        HttpResponse<String> response = gateway(
                "POST",
                "/chat/completions",
                "Bearer " + token,
                "{\"model\":\"" + forbidden + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("model_not_found");
        assertThat(error.getString("param")).isEqualTo("model");
    }

    @Test
    void should_refuse_bad_requests_with_a_400_naming_the_parameter() {
        String user = "[{\"role\":\"user\",\"content\":\"Hi\"}]";
        String model = "\"model\":\"" + answering + "\"";

        assertThat(badRequest("{not json")).isNull();
        assertThat(badRequest("{\"messages\":" + user + "}")).isEqualTo("model");
        assertThat(badRequest("{" + model + ",\"messages\":[]}")).isEqualTo("messages");
        assertThat(badRequest("{" + model + ",\"messages\":" + user + ",\"temperature\":5}"))
                .isEqualTo("temperature");
        assertThat(badRequest("{" + model + ",\"messages\":" + user + ",\"max_tokens\":\"many\"}"))
                .isEqualTo("max_tokens");
        assertThat(badRequest("{" + model + ",\"messages\":" + user + ",\"tools\":[{\"type\":\"function\"}]}"))
                .isEqualTo("tools");
        assertThat(badRequest("{" + model + ",\"messages\":[{\"role\":\"wizard\",\"content\":\"Hi\"}]}"))
                .isEqualTo("messages[0].role");
    }

    @Test
    void should_refuse_a_call_over_the_keys_own_limit_with_a_429_and_retry_after() {
        JsonObject limited =
                GatewayAdmin.issueKey(unique("it-gw-limited"), "[\"" + answering + "\"]", "{\"requestsPerMinute\":1}");
        try {
            String body = "{\"model\":\"" + answering + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
            String bearer = "Bearer " + limited.getString("token");

            HttpResponse<String> first = gateway("POST", "/chat/completions", bearer, body);
            HttpResponse<String> second = gateway("POST", "/chat/completions", bearer, body);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
            assertThat(json(second).getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
            assertThat(second.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        } finally {
            GatewayAdmin.revokeQuietly(limited);
        }
    }

    @Test
    void should_answer_a_providers_429_with_an_openai_429_and_its_retry_after_whole_or_streamed() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

        HttpResponse<String> whole = gateway(
                "POST", "/chat/completions", "Bearer " + token, "{\"model\":\"" + rateLimited + "\"," + messages + "}");
        HttpResponse<String> streamed = gateway(
                "POST",
                "/chat/completions",
                "Bearer " + token,
                "{\"model\":\"" + rateLimited + "\",\"stream\":true," + messages + "}");

        assertThat(List.of(whole, streamed)).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            JsonObject error = json(response).getJsonObject("error");
            assertThat(error.getString("type")).isEqualTo("rate_limit_error");
            assertThat(error.getString("code")).isEqualTo("rate_limit_exceeded");
        });
    }

    @Test
    void should_end_a_stream_with_an_openai_error_chunk_and_no_done_when_the_provider_fails_mid_answer() {
        HttpResponse<String> response = gateway(
                "POST",
                "/chat/completions",
                "Bearer " + token,
                "{\"model\":\"" + breaking + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonObject> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                assertThat(line).isNotEqualTo("data: [DONE]");
                events.add(GatewayAdmin.parse(line.substring(6)));
            }
        }
        assertThat(events.subList(0, events.size() - 1).stream()
                        .map(chunk ->
                                chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
                        .filter(delta -> delta.containsKey("content")
                                && !delta.getString("content").isEmpty())
                        .map(delta -> delta.getString("content"))
                        .toList())
                .containsExactly("Hel", "lo");
        JsonObject error = events.get(events.size() - 1).getJsonObject("error");
        assertThat(error.getString("type")).isEqualTo("api_error");
        assertThat(error.getString("code")).isEqualTo("upstream_unavailable");
    }

    @Test
    void should_embed_for_an_openai_embedding_client_with_its_usage() {
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(gatewayBase())
                .apiKey(token)
                .modelName(embedding)
                .timeout(Duration.ofSeconds(30))
                .maxRetries(0)
                .build();

        Response<List<Embedding>> response = model.embedAll(List.of(TextSegment.from("one"), TextSegment.from("two")));

        assertThat(response.content()).hasSize(2);
        assertThat(response.content().get(0).vector()).containsExactly(0.5f, 1f, -2.25f);
        assertThat(response.content().get(1).vector()).containsExactly(1.5f, 1f, -2.25f);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(7);
        JsonObject sent = upstream.requests.get(upstream.requests.size() - 1);
        assertThat(sent.getString("model")).isEqualTo("stub-embedder");
        assertThat(sent.getJsonArray("input").getString(1)).isEqualTo("two");
    }

    @Test
    void should_embed_in_openais_base64_form_and_refuse_a_chat_model_or_a_missing_input() {
        HttpResponse<String> response = gateway(
                "POST",
                "/embeddings",
                "Bearer " + token,
                "{\"model\":\"" + embedding + "\",\"input\":\"one\",\"encoding_format\":\"base64\"}");
        HttpResponse<String> chatModel = gateway(
                "POST", "/embeddings", "Bearer " + token, "{\"model\":\"" + answering + "\",\"input\":\"one\"}");
        HttpResponse<String> noInput =
                gateway("POST", "/embeddings", "Bearer " + token, "{\"model\":\"" + embedding + "\"}");
        HttpResponse<String> notAllowed = gateway(
                "POST", "/embeddings", "Bearer " + token, "{\"model\":\"" + forbidden + "\",\"input\":\"one\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject list = json(response);
        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getString("model")).isEqualTo(embedding);
        JsonObject first = list.getJsonArray("data").getJsonObject(0);
        assertThat(first.getString("object")).isEqualTo("embedding");
        assertThat(first.getInt("index")).isZero();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(
                        java.util.Base64.getDecoder().decode(first.getString("embedding")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(new float[] {bytes.getFloat(), bytes.getFloat(), bytes.getFloat()})
                .containsExactly(0.5f, 1f, -2.25f);
        assertThat(list.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(7);
        assertThat(chatModel.statusCode()).isEqualTo(400);
        assertThat(json(chatModel).getJsonObject("error").getString("param")).isEqualTo("model");
        assertThat(noInput.statusCode()).isEqualTo(400);
        assertThat(json(noInput).getJsonObject("error").getString("param")).isEqualTo("input");
        assertThat(notAllowed.statusCode()).isEqualTo(404);
    }

    @Test
    void should_cancel_the_upstream_stream_when_the_client_hangs_up() throws Exception {
        URI base = ServerUnderTest.uri("/openai/v1/chat/completions");
        String body = "{\"model\":\"" + endless + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count forever\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("tick"));
            assertThat(line).as("a streamed chunk arrived").isNotNull();
        }

        assertThat(upstream.endlessStreamClosed.await(20, TimeUnit.SECONDS))
                .as("the upstream stream was closed after the client left")
                .isTrue();
    }

    /** The 400's {@code error.param}, failing when the answer is not an OpenAI 400. */
    private String badRequest(String body) {
        HttpResponse<String> response = gateway("POST", "/chat/completions", "Bearer " + token, body);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.getString("type")).isEqualTo("invalid_request_error");
        assertThat(error.getString("message")).isNotBlank();
        return error.isNull("param") ? null : error.getString("param");
    }

    private static HttpResponse<String> gateway(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return ServerUnderTest.send(request.build());
    }
}
