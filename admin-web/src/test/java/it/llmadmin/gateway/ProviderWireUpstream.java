package it.llmadmin.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.concurrent.Executors;

/**
 * A tool-using model on loopback speaking one provider's own chat wire format (Anthropic's messages, Gemini's
 * generateContent, Ollama's /api/chat, Mistral's chat completions), as their documentation shows it: offered tools and
 * given no tool result yet, it calls {@code GetWeather} with {@code {"city":"Paris"}}; given the tool's result (in the
 * provider's own shape), it answers {@code "Sunny in Paris."}; offered no tools, it answers {@link #STRUCTURED}. Asked
 * for a stream, it streams the tool call as {@link ProviderWireStreams} shows. Every request body is kept for the test
 * to inspect.
 */
final class ProviderWireUpstream implements AutoCloseable {

    enum Wire {
        ANTHROPIC("anthropic", "claude-it", "/v1"),
        GEMINI("gemini", "gemini-it", "/v1beta"),
        OLLAMA("ollama", "llama-it", ""),
        MISTRAL("mistral", "mistral-it", "/v1");

        final String provider;
        final String modelName;
        final String basePath;

        Wire(String provider, String modelName, String basePath) {
            this.provider = provider;
            this.modelName = modelName;
            this.basePath = basePath;
        }
    }

    static final String ANSWER = "Sunny in Paris.";

    /** The answer to a request without tools (a structured output request): JSON text. */
    static final String STRUCTURED = "{\"city\":\"Paris\"}";

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final Wire wire;
    private final HttpServer server;

    ProviderWireUpstream(Wire wire) throws IOException {
        this.wire = wire;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + wire.basePath;
    }

    /** The last request whose body mentions {@code marker}. */
    JsonObject lastRequestWith(String marker) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).toString().contains(marker)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no upstream request mentions " + marker + " in " + requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            request = reader.readObject();
        }
        requests.add(request);
        String body = request.toString();
        boolean toolResult = switch (wire) {
            case ANTHROPIC -> body.contains("\"tool_result\"");
            case GEMINI -> body.contains("\"functionResponse\"");
            case OLLAMA, MISTRAL -> body.contains("\"role\":\"tool\"");
        };
        String path = exchange.getRequestURI().getPath();
        boolean known = switch (wire) {
            case ANTHROPIC -> path.equals("/v1/messages");
            case GEMINI ->
                path.equals("/v1beta/models/" + wire.modelName + ":generateContent")
                        || path.equals("/v1beta/models/" + wire.modelName + ":streamGenerateContent");
            case OLLAMA -> path.equals("/api/chat");
            case MISTRAL -> path.equals("/v1/chat/completions");
        };
        boolean streamed =
                wire == Wire.GEMINI ? path.endsWith(":streamGenerateContent") : request.getBoolean("stream", false);
        if (!known) {
            send(exchange, 404, "{\"error\":\"no such path " + path + "\"}");
            return;
        }
        if (streamed) {
            stream(exchange, ProviderWireStreams.toolCall(wire));
            return;
        }
        boolean offeredTools = request.get("tools") instanceof JsonArray tools && !tools.isEmpty();
        send(exchange, 200, toolResult ? text() : offeredTools ? toolCall() : structured());
    }

    /** A structured answer (no tools offered): the JSON {@link #STRUCTURED} as the answer's text. */
    private String structured() {
        String text = "\"" + STRUCTURED.replace("\"", "\\\"") + "\"";
        return switch (wire) {
            case ANTHROPIC ->
                "{\"id\":\"msg_3\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + wire.modelName
                        + "\",\"content\":[{\"type\":\"text\",\"text\":" + text + "}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}";
            case GEMINI ->
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + text + "}],\"role\":\"model\"},"
                        + "\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}}";
            case OLLAMA ->
                "{\"model\":\"" + wire.modelName + "\",\"created_at\":\"2024-01-01T00:00:00Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":" + text + "},\"done\":true,"
                        + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":2}";
            case MISTRAL ->
                "{\"id\":\"c3\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + wire.modelName
                        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + text
                        + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
        };
    }

    /** Sends a stream body as the provider does: server-sent events, or Ollama's newline-delimited JSON. */
    private void stream(HttpExchange exchange, String body) throws IOException {
        exchange.getResponseHeaders()
                .set("Content-Type", wire == Wire.OLLAMA ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String toolCall() {
        return switch (wire) {
            case ANTHROPIC ->
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                        + wire.modelName + "\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":"
                        + "\"GetWeather\",\"input\":{\"city\":\"Paris\"}}],\"stop_reason\":\"tool_use\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}";
            case GEMINI ->
                "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"GetWeather\","
                        + "\"args\":{\"city\":\"Paris\"}}}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}}";
            case OLLAMA ->
                "{\"model\":\"" + wire.modelName + "\",\"created_at\":\"2024-01-01T00:00:00Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"GetWeather\",\"arguments\":{\"city\":\"Paris\"}}}]},\"done\":true,"
                        + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":2}";
            case MISTRAL ->
                "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
                        + wire.modelName + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"\",\"tool_calls\":[{\"id\":\"abcDEF123\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"GetWeather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                        + "\"finish_reason\":\"tool_calls\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
        };
    }

    private String text() {
        return switch (wire) {
            case ANTHROPIC ->
                "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                        + wire.modelName + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + ANSWER + "\"}],"
                        + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}";
            case GEMINI ->
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + ANSWER + "\"}],"
                        + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}}";
            case OLLAMA ->
                "{\"model\":\"" + wire.modelName + "\",\"created_at\":\"2024-01-01T00:00:00Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"},\"done\":true,"
                        + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":2}";
            case MISTRAL ->
                "{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
                        + wire.modelName + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"" + ANSWER + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
        };
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
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
