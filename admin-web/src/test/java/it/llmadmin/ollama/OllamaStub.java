package it.llmadmin.ollama;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An Ollama server on loopback, in the IT's JVM, speaking Ollama's REST API as documented: {@code GET /api/tags},
 * {@code POST /api/show} (404 {@code {"error"}} for a model it lacks), {@code POST /api/pull} as an NDJSON stream of
 * {@code {"status","digest","total","completed"}} lines ending in {@code {"status":"success"}} or an {@code {"error"}}
 * line, {@code DELETE /api/delete}, and {@code POST /api/chat} (one JSON answer, or NDJSON when streaming).
 *
 * <p>What the registry ({@link #offer}) holds can be pulled; a pull that {@link #holdAtHalf} names stops at half its
 * bytes until {@link #release} is called, so a test can watch (and reload) a pull in progress.
 */
public final class OllamaStub implements AutoCloseable {

    /** What a pull of a model does. */
    public enum PullMode {
        OK,
        /** Ollama's own verification fails: an error line {@code digest mismatch, file must be downloaded again}. */
        CORRUPT,
        /** The download breaks off with an error line. */
        BREAKS,
    }

    /** A model as the stub knows it, installed or in its registry. */
    public record StubModel(
            String name,
            long size,
            String digest,
            String family,
            String parameterSize,
            String quantization,
            int contextLength,
            List<String> capabilities,
            PullMode mode) {}

    public final List<JsonObject> chatRequests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final Map<String, StubModel> installed = new ConcurrentHashMap<>();
    private final Map<String, StubModel> registry = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final long stepMillis;

    /** @param stepMillis the pause between two progress lines of a pull */
    public OllamaStub(long stepMillis) throws IOException {
        this.stepMillis = stepMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/show", this::show);
        server.createContext("/api/pull", this::pull);
        server.createContext("/api/delete", this::delete);
        server.createContext("/api/chat", this::chat);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static StubModel model(String name, long size, String family, int contextLength, String... capabilities) {
        return new StubModel(
                name,
                size,
                digestOf(name),
                family,
                "3.2B",
                "Q4_K_M",
                contextLength,
                List.of(capabilities),
                PullMode.OK);
    }

    public static String digestOf(String name) {
        StringBuilder hex = new StringBuilder();
        int seed = name.hashCode();
        while (hex.length() < 64) {
            seed = seed * 1103515245 + 12345;
            hex.append(String.format("%08x", seed));
        }
        return hex.substring(0, 64);
    }

    public void install(StubModel model) {
        installed.put(tagged(model.name()), model);
    }

    public void offer(StubModel model) {
        registry.put(tagged(model.name()), model);
    }

    public boolean isInstalled(String name) {
        return installed.containsKey(tagged(name));
    }

    public void holdAtHalf(String name) {
        holds.put(tagged(name), new CountDownLatch(1));
    }

    public void release(String name) {
        CountDownLatch hold = holds.get(tagged(name));
        if (hold != null) {
            hold.countDown();
        }
    }

    private static String tagged(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    private void tags(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder("{\"models\":[");
        boolean first = true;
        for (StubModel m : installed.values()) {
            if (!first) {
                body.append(',');
            }
            first = false;
            String name = tagged(m.name());
            body.append("{\"name\":\"")
                    .append(name)
                    .append("\",\"model\":\"")
                    .append(name)
                    .append("\",\"modified_at\":\"2025-05-10T08:06:48.639712648-07:00\",\"size\":")
                    .append(m.size())
                    .append(",\"digest\":\"")
                    .append(m.digest())
                    .append("\",\"details\":{\"parent_model\":\"\",")
                    .append("\"format\":\"gguf\",\"family\":\"")
                    .append(m.family())
                    .append("\",\"families\":[\"")
                    .append(m.family())
                    .append("\"],\"parameter_size\":\"")
                    .append(m.parameterSize())
                    .append("\",\"quantization_level\":\"")
                    .append(m.quantization())
                    .append("\"}}");
        }
        json(exchange, 200, body.append("]}").toString());
    }

    private void show(HttpExchange exchange) throws IOException {
        String name = tagged(read(exchange).getString("model", ""));
        StubModel m = installed.get(name);
        if (m == null) {
            json(exchange, 404, "{\"error\":\"model '" + name + "' not found\"}");
            return;
        }
        StringBuilder caps = new StringBuilder();
        for (String c : m.capabilities()) {
            caps.append(caps.isEmpty() ? "" : ",").append('"').append(c).append('"');
        }
        json(
                exchange,
                200,
                "{\"license\":\"\",\"modelfile\":\"FROM " + name + "\",\"parameters\":\"stop \\\"<|eot|>\\\"\","
                        + "\"template\":\"{{ .Prompt }}\",\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\""
                        + m.family() + "\",\"families\":[\"" + m.family() + "\"],\"parameter_size\":\""
                        + m.parameterSize()
                        + "\",\"quantization_level\":\"" + m.quantization()
                        + "\"},\"model_info\":{\"general.architecture\":\""
                        + m.family() + "\",\"general.parameter_count\":3212749888,\"" + m.family()
                        + ".context_length\":"
                        + m.contextLength() + ",\"" + m.family() + ".embedding_length\":3072},\"capabilities\":[" + caps
                        + "],\"modified_at\":\"2025-05-10T08:06:48.639712648-07:00\"}");
    }

    private void delete(HttpExchange exchange) throws IOException {
        String name = tagged(read(exchange).getString("model", ""));
        if (installed.remove(name) == null) {
            json(exchange, 404, "{\"error\":\"model '" + name + "' not found\"}");
            return;
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void pull(HttpExchange exchange) throws IOException {
        String name = tagged(read(exchange).getString("model", ""));
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            line(out, "{\"status\":\"pulling manifest\"}");
            StubModel m = registry.get(name);
            if (m == null) {
                line(out, "{\"error\":\"pull model manifest: file does not exist\"}");
                return;
            }
            String layer = "sha256:" + m.digest();
            int steps = 20;
            CountDownLatch hold = holds.get(name);
            for (int i = 0; i <= steps; i++) {
                if (i == steps / 2 && hold != null) {
                    hold.await(120, TimeUnit.SECONDS);
                }
                if (m.mode() == PullMode.BREAKS && i == steps / 2) {
                    line(out, "{\"error\":\"max retries exceeded: unexpected EOF\"}");
                    return;
                }
                line(
                        out,
                        "{\"status\":\"pulling " + m.digest().substring(0, 12) + "\",\"digest\":\"" + layer
                                + "\",\"total\":" + m.size() + ",\"completed\":" + (m.size() * i / steps) + "}");
                Thread.sleep(stepMillis);
            }
            line(out, "{\"status\":\"verifying sha256 digest\"}");
            if (m.mode() == PullMode.CORRUPT) {
                line(
                        out,
                        "{\"error\":\"digest mismatch, file must be downloaded again: want " + layer + ", got sha256:"
                                + digestOf("corrupt") + "\"}");
                return;
            }
            line(out, "{\"status\":\"writing manifest\"}");
            installed.put(name, m);
            line(out, "{\"status\":\"success\"}");
        } catch (IOException clientGone) {
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonObject request = read(exchange);
        chatRequests.add(request);
        String name = request.getString("model", "");
        if (!installed.containsKey(tagged(name))) {
            json(exchange, 404, "{\"error\":\"model '" + name + "' not found, try pulling it first\"}");
            return;
        }
        String answer = "{\"model\":\"" + name + "\",\"created_at\":\"2025-05-10T08:06:48.639712648Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello from local " + name + "\"},"
                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":5191566416,\"load_duration\":2154458,"
                + "\"prompt_eval_count\":26,\"prompt_eval_duration\":383809000,\"eval_count\":7,"
                + "\"eval_duration\":4799921000}";
        if (!request.getBoolean("stream", true)) {
            json(exchange, 200, answer);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            line(
                    out,
                    "{\"model\":\"" + name + "\",\"created_at\":\"2025-05-10T08:06:48.639712648Z\",\"message\":"
                            + "{\"role\":\"assistant\",\"content\":\"Hello from local " + name + "\"},\"done\":false}");
            line(out, answer.replace("\"content\":\"Hello from local " + name + "\"", "\"content\":\"\""));
        }
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        }
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
