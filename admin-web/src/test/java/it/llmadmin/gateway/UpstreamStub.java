package it.llmadmin.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible provider on loopback, in the IT's JVM: the Liberty server under test calls it through a model
 * whose api base is {@link #apiBase()}. It answers {@code POST /v1/chat/completions} as OpenAI does, in JSON or as
 * server-sent events; provider model {@value #ENDLESS} streams a chunk every 50 ms until its client hangs up, and
 * counts that down in {@link #endlessStreamClosed}; provider model {@value #RATE_LIMITED} always answers 429 with
 * {@code Retry-After: 1}; provider model {@value #CACHED} answers as {@value #ANSWER_MODEL} does, with 8 of its 11 prompt
 * tokens read from the provider's prompt cache ({@code prompt_tokens_details.cached_tokens}), whole and streamed.
 */
final class UpstreamStub implements AutoCloseable {

    static final String ANSWER_MODEL = "stub-model";
    static final String ENDLESS = "stub-endless";
    static final String RATE_LIMITED = "stub-rate-limited";
    static final String CACHED = "stub-cached";
    static final List<String> STREAMED = List.of("Hel", "lo", " from", " the", " stub");

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch endlessStreamClosed = new CountDownLatch(1);

    private final HttpServer server;

    UpstreamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.createContext("/v1/embeddings", this::embed);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            request = reader.readObject();
        }
        requests.add(request);
        boolean stream = request.getBoolean("stream", false);
        String model = request.getString("model", "");
        if (model.equals(RATE_LIMITED)) {
            byte[] bytes = ("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(429, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        if (!stream) {
            String body = "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1700000000,"
                    + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Hello from the stub\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15"
                    + cachedTokens(model) + "}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            if (model.equals(ENDLESS)) {
                for (int i = 0; i < 600; i++) {
                    event(out, chunk(model, "{\"content\":\"tick \"}", null));
                    Thread.sleep(50);
                }
                event(out, "[DONE]");
                out.close();
                return;
            }
            event(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (String piece : STREAMED) {
                event(out, chunk(model, "{\"content\":\"" + piece + "\"}", null));
            }
            event(out, chunk(model, "{}", "\"stop\""));
            event(
                    out,
                    "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"" + model + "\",\"choices\":[],"
                            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17"
                            + cachedTokens(model) + "}}");
            event(out, "[DONE]");
            out.close();
        } catch (IOException clientGone) {
            if (model.equals(ENDLESS)) {
                endlessStreamClosed.countDown();
            }
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    /**
     * Embeds each input as {@code [index + 0.5, 1, -2.25]}, in floats or OpenAI's base64, with 7 prompt tokens.
     */
    private void embed(HttpExchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            request = reader.readObject();
        }
        requests.add(request);
        int count = request.get("input") instanceof jakarta.json.JsonArray inputs ? inputs.size() : 1;
        boolean base64 = "base64".equals(request.getString("encoding_format", "float"));
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            float[] vector = {i + 0.5f, 1f, -2.25f};
            String embedding;
            if (base64) {
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (float value : vector) {
                    bytes.putFloat(value);
                }
                embedding = "\"" + java.util.Base64.getEncoder().encodeToString(bytes.array()) + "\"";
            } else {
                embedding = "[" + vector[0] + "," + vector[1] + "," + vector[2] + "]";
            }
            data.append(i == 0 ? "" : ",")
                    .append("{\"object\":\"embedding\",\"index\":")
                    .append(i)
                    .append(",\"embedding\":")
                    .append(embedding)
                    .append('}');
        }
        byte[] bytes = ("{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"" + request.getString("model", "")
                        + "\",\"usage\":{\"prompt_tokens\":7,\"total_tokens\":7}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** OpenAI's detail of the prompt tokens read from its cache: 8 for {@value #CACHED}, none otherwise. */
    private static String cachedTokens(String model) {
        return model.equals(CACHED) ? ",\"prompt_tokens_details\":{\"cached_tokens\":8}" : "";
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
