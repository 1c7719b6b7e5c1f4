package it.llmadmin.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A provider on loopback that speaks two wire formats and keeps every request it got (path, headers, body): OpenAI's
 * {@code POST /v1/chat/completions} and Gemini's {@code POST /v1beta/models/{model}:generateContent}. The server under
 * test calls it through imported models whose api base points here.
 */
final class ProviderCallRecorder implements AutoCloseable {

    /** One request as it arrived. Header names are as the JDK's server gives them (first letter upper-case). */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();

    private final HttpServer server;

    ProviderCallRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, """
                {"id":"chatcmpl-rec","object":"chat.completion","created":1700000000,"model":"rec-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"openai wire ok"},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}"""));
        server.createContext("/v1beta/models/", exchange -> answer(exchange, """
                {"candidates":[{"content":{"parts":[{"text":"gemini wire ok"}],"role":"model"},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":3,"totalTokenCount":8}}"""));
        server.start();
    }

    String openAiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String geminiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta";
    }

    /** The last request whose path contains {@code part}. */
    Received last(String part) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).path().contains(part)) {
                return received.get(i);
            }
        }
        throw new AssertionError("no request to " + part + " arrived; got " + received);
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
