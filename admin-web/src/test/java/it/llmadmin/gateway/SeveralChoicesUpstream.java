package it.llmadmin.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI provider on loopback that streams several choices ({@code n}) in OpenAI's real wire format: every choice's
 * chunks interleaved, each chunk naming its choice's {@code index} (one chunk carries two choices at once, as OpenAI's
 * may). Without tools choice {@code i} answers {@code "Answer number i."} in three pieces and finishes {@code stop}
 * (even {@code i}) or {@code length} (odd {@code i}); offered tools, choice {@code i} calls the first one with
 * {@code {"city":"Paris i"}} (id and name first, then the arguments in two fragments) and finishes {@code tool_calls}.
 * Asked for log probabilities, each content chunk carries those of its own piece (one token, the piece itself, with log
 * probability {@code -(i + 1) / 10}). The last chunk has the usage of all choices: 5 output tokens each.
 */
final class SeveralChoicesUpstream implements AutoCloseable {

    static final String MODEL = "several-choices-model";
    static final int PROMPT_TOKENS = 11;
    static final int OUTPUT_TOKENS_PER_CHOICE = 5;

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    SeveralChoicesUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    static String text(int choice) {
        return "Answer number " + choice + ".";
    }

    static List<String> pieces(int choice) {
        return List.of("Answer ", "number ", choice + ".");
    }

    static String arguments(int choice) {
        return "{\"city\":\"Paris " + choice + "\"}";
    }

    static double logprob(int choice) {
        return -(choice + 1) / 10.0;
    }

    static String finishReason(int choice) {
        return choice % 2 == 0 ? "stop" : "length";
    }

    /** The last request whose messages contain {@code marker}. */
    JsonObject lastRequestWith(String marker) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).getJsonArray("messages").toString().contains(marker)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no upstream request mentions " + marker);
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject request;
        try (var reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            request = reader.readObject();
        }
        requests.add(request);
        int n = request.getInt("n", 1);
        boolean logprobs = request.getBoolean("logprobs", false);
        String tool = request.containsKey("tools")
                ? request.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("name")
                : null;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            List<JsonObject> roles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                roles.add(choice(
                        i, Json.createObjectBuilder().add("role", "assistant").add("content", ""), null, null));
            }
            event(out, chunk(roles));
            for (int step = 0; step < 3; step++) {
                List<JsonObject> entries = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    entries.add(tool == null ? textPiece(i, step, logprobs) : toolPiece(i, step, tool));
                }
                // The second step sends choices 0 and 1 in one chunk; the others one choice per chunk.
                int together = step == 1 ? Math.min(2, n) : 1;
                event(out, chunk(entries.subList(0, together)));
                for (JsonObject entry : entries.subList(together, n)) {
                    event(out, chunk(List.of(entry)));
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                event(
                        out,
                        chunk(List.of(choice(
                                i, Json.createObjectBuilder(), null, tool == null ? finishReason(i) : "tool_calls"))));
            }
            int output = OUTPUT_TOKENS_PER_CHOICE * n;
            event(
                    out,
                    "{\"id\":\"chatcmpl-n\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                            + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                            + ",\"completion_tokens\":" + output + ",\"total_tokens\":" + (PROMPT_TOKENS + output)
                            + "}}");
            event(out, "[DONE]");
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    private static JsonObject textPiece(int choice, int step, boolean logprobs) {
        String piece = pieces(choice).get(step);
        JsonObject tokens = null;
        if (logprobs) {
            tokens = Json.createObjectBuilder()
                    .add(
                            "content",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("token", piece)
                                            .add("logprob", logprob(choice))
                                            .addNull("bytes")
                                            .add("top_logprobs", Json.createArrayBuilder())))
                    .addNull("refusal")
                    .build();
        }
        return choice(choice, Json.createObjectBuilder().add("content", piece), tokens, null);
    }

    private static JsonObject toolPiece(int choice, int step, String tool) {
        JsonObjectBuilder call = Json.createObjectBuilder().add("index", 0);
        String args = arguments(choice);
        int half = args.length() / 2;
        if (step == 0) {
            call.add("id", "call_" + choice)
                    .add("type", "function")
                    .add(
                            "function",
                            Json.createObjectBuilder().add("name", tool).add("arguments", ""));
        } else {
            call.add(
                    "function",
                    Json.createObjectBuilder()
                            .add("arguments", step == 1 ? args.substring(0, half) : args.substring(half)));
        }
        return choice(
                choice,
                Json.createObjectBuilder()
                        .add("tool_calls", Json.createArrayBuilder().add(call)),
                null,
                null);
    }

    private static JsonObject choice(int index, JsonObjectBuilder delta, JsonObject logprobs, String finishReason) {
        JsonObjectBuilder choice =
                Json.createObjectBuilder().add("index", index).add("delta", delta);
        if (logprobs != null) {
            choice.add("logprobs", logprobs);
        }
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return choice.build();
    }

    private static String chunk(List<JsonObject> choices) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        choices.forEach(array::add);
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-n")
                .add("object", "chat.completion.chunk")
                .add("created", 1700000000)
                .add("model", MODEL)
                .add("choices", array)
                .build()
                .toString();
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
