package it.llmadmin.console;

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
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible provider on loopback for the playground's browser tests: {@code POST /v1/chat/completions}
 * streams OpenAI's server-sent events with the reasoning first ({@code delta.reasoning_content}, as DeepSeek and vLLM
 * send it), then the answer, then the usage chunk; it stops after {@link #BEFORE_HOLD} until {@link #release()}, so a
 * test sees the answer arrive in parts. {@code POST /v1/embeddings} answers an 8-dimensional vector.
 */
final class PlaygroundProvider implements AutoCloseable {

    static final List<String> REASONING = List.of("The user", " greets me;", " I greet back.");
    static final String BEFORE_HOLD = "Hello";
    static final String ANSWER = "Hello from the playground stub";
    static final int PROMPT_TOKENS = 13;
    static final int COMPLETION_TOKENS = 6;
    static final float[] VECTOR = {0.5f, -0.25f, 0.125f, 1f, 2f, 3f, 4f, 5f};

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);

    PlaygroundProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/embeddings", this::embed);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Lets the held streams finish. */
    void release() {
        released.countDown();
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonObject request = read(exchange);
        requests.add(request);
        String model = request.getString("model", "");
        if (!request.getBoolean("stream", false)) {
            send(
                    exchange,
                    "{\"id\":\"chatcmpl-pg\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
                            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER
                            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                            + ",\"completion_tokens\":" + COMPLETION_TOKENS + ",\"total_tokens\":"
                            + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (String piece : REASONING) {
                event(out, chunk(model, "{\"reasoning_content\":\"" + piece + "\"}", null));
            }
            event(out, chunk(model, "{\"content\":\"Hel\"}", null));
            event(out, chunk(model, "{\"content\":\"lo\"}", null));
            released.await(60, TimeUnit.SECONDS);
            event(out, chunk(model, "{\"content\":\"" + ANSWER.substring(BEFORE_HOLD.length()) + "\"}", null));
            event(out, chunk(model, "{}", "\"stop\""));
            event(
                    out,
                    "{\"id\":\"chatcmpl-pg\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                            + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                            + ",\"completion_tokens\":" + COMPLETION_TOKENS + ",\"total_tokens\":"
                            + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}}");
            event(out, "[DONE]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void embed(HttpExchange exchange) throws IOException {
        requests.add(read(exchange));
        StringBuilder vector = new StringBuilder();
        for (float value : VECTOR) {
            vector.append(vector.length() == 0 ? "" : ",").append(value);
        }
        send(
                exchange,
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[" + vector
                        + "]}],\"model\":\"pg-embed\",\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}");
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-pg\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
