package it.llmadmin.routing;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible provider on loopback whose behaviour is chosen by the provider model name: {@code down-*}
 * answers 503, {@code limited-*} answers 429 with {@code Retry-After: 7}, a name given to {@link #fail} answers 503
 * until {@link #recover}, anything else answers "from &lt;name&gt;" (JSON or server-sent events) with 11 prompt and 4
 * completion tokens. It counts the requests per model name and keeps the {@code Authorization} header of the last one.
 */
final class ProviderStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, String> lastAuthorization = new ConcurrentHashMap<>();
    private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();

    ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The provider model {@code name} answers 503 from now on. */
    void fail(String name) {
        failing.add(name);
    }

    /** The provider model {@code name} answers again. */
    void recover(String name) {
        failing.remove(name);
    }

    int requestsFor(String providerModelName) {
        AtomicInteger count = requests.get(providerModelName);
        return count == null ? 0 : count.get();
    }

    /** The {@code Authorization} header of the last request for the provider model {@code name} ("" without one). */
    Optional<String> lastAuthorizationFor(String providerModelName) {
        return Optional.ofNullable(lastAuthorization.get(providerModelName));
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            request = reader.readObject();
        }
        String model = request.getString("model", "");
        lastAuthorization.put(
                model,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                        .orElse(""));
        requests.computeIfAbsent(model, name -> new AtomicInteger()).incrementAndGet();
        if (model.startsWith("down-") || failing.contains(model)) {
            send(
                    exchange,
                    503,
                    "application/json",
                    "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            return;
        }
        if (model.startsWith("limited-")) {
            exchange.getResponseHeaders().set("Retry-After", "7");
            send(
                    exchange,
                    429,
                    "application/json",
                    "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                            + "\"code\":\"rate_limit_exceeded\"}}");
            return;
        }
        String text = "from " + model;
        if (!request.getBoolean("stream", false)) {
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
                            + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                            + text + "\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15}}");
            return;
        }
        String events = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + text
                + "\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15}}\n\n"
                + "data: [DONE]\n\n";
        send(exchange, 200, "text/event-stream", events);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
