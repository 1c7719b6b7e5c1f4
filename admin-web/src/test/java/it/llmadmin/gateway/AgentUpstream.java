package it.llmadmin.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
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
 * An OpenAI provider on loopback that plays a tool-using model, in OpenAI's real wire format: offered tools and not yet
 * given a tool result, it calls the first tool with {@value #ARGUMENTS} (streamed as OpenAI does: id and name first,
 * then the arguments in fragments); given a tool result, it answers {@code "The tool said: <result>"}; asked for a
 * {@code json_schema} answer, it answers {@value #STRUCTURED}. Provider models change the behaviour:
 * {@value #REASONER} sends {@code reasoning_content} first, {@value #OVERFLOW} answers OpenAI's 400
 * {@code context_length_exceeded}, {@value #CUT_OFF} streams a few words and closes the stream without a finish reason
 * or {@code [DONE]}. A whole answer asked for log probabilities gives OpenAI's for its first token; a streamed one
 * gives each content chunk's token its log probability in that chunk, as OpenAI streams them. A whole answer asked
 * for {@code n} choices gives choice {@code i > 0} the text {@code "<answer> #i"}, and 6 output tokens per choice.
 */
final class AgentUpstream implements AutoCloseable {

    static final String MODEL = "agent-model";
    static final String REASONER = "agent-reasoner";
    static final String OVERFLOW = "agent-overflow";
    static final String CUT_OFF = "agent-cut-off";
    static final String ARGUMENTS = "{\"city\":\"Paris\"}";
    static final String STRUCTURED = "{\"name\":\"Ada\",\"age\":36}";
    static final String REASONING = "Paris is in France; ask the tool.";
    /** The log probability of each streamed token, when a stream asks for them. */
    static final double STREAMED_LOGPROB = -0.5;

    static final String IMAGE_BASE64 = "iVBORw0KGgo=";
    static final String SPEECH = "ID3-not-really-an-mp3";

    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    AgentUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.createContext("/v1/images/generations", exchange -> {
            requests.add(read(exchange));
            send(
                    exchange,
                    200,
                    "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + IMAGE_BASE64
                            + "\",\"revised_prompt\":\"a red square\"}]}");
        });
        server.createContext("/v1/audio/speech", exchange -> {
            requests.add(read(exchange));
            byte[] audio = SPEECH.getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, audio.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(audio);
            }
        });
        server.start();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The last request whose first user message contains {@code marker}. */
    JsonObject lastRequestWith(String marker) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).getJsonArray("messages").toString().contains(marker)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no upstream request mentions " + marker);
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject request = read(exchange);
        requests.add(request);
        String model = request.getString("model", "");
        if (model.equals(OVERFLOW)) {
            send(
                    exchange,
                    400,
                    "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens. However, your "
                            + "messages resulted in 9000 tokens.\",\"type\":\"invalid_request_error\","
                            + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
            return;
        }
        JsonArray messages = request.getJsonArray("messages");
        JsonObject last = messages.getJsonObject(messages.size() - 1);
        boolean toolResult = last.getString("role", "").equals("tool");
        boolean offersTools = request.containsKey("tools")
                && !request.getJsonArray("tools").isEmpty()
                && !"none".equals(request.get("tool_choice") instanceof jakarta.json.JsonString s ? s.getString() : "");
        String toolName = offersTools
                ? request.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("name")
                : null;
        String text;
        if (toolResult) {
            text = "The tool said: " + last.getString("content", "");
        } else if (request.get("response_format") instanceof JsonObject format
                && format.getString("type", "").equals("json_schema")) {
            text = STRUCTURED;
        } else if (offersTools) {
            text = null;
        } else {
            text = "Plain answer";
        }
        String reasoning = model.equals(REASONER) ? REASONING : null;
        if (!request.getBoolean("stream", false)) {
            JsonObject message = text == null ? toolCallMessage(toolName, reasoning) : textMessage(text, reasoning);
            boolean logprobs = request.getBoolean("logprobs", false);
            StringBuilder choices = new StringBuilder(choice(0, message, text == null, logprobs ? "Plain" : null));
            int n = request.getInt("n", 1);
            for (int index = 1; index < n; index++) {
                // Asked for several choices, choice i answers "<text> #i" (OpenAI counts all choices' tokens).
                choices.append(',').append(choice(index, textMessage(text + " #" + index, null), false, null));
            }
            send(
                    exchange,
                    200,
                    "{\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
                            + model + "\",\"choices\":[" + choices + "],"
                            + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":" + 6 * n + ",\"total_tokens\":"
                            + (20 + 6 * n) + "}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
            if (reasoning != null) {
                event(out, chunk(model, "{\"reasoning_content\":\"Paris is in France; \"}", null));
                event(out, chunk(model, "{\"reasoning_content\":\"ask the tool.\"}", null));
            }
            if (model.equals(CUT_OFF)) {
                event(out, chunk(model, "{\"content\":\"Half an \"}", null));
                event(out, chunk(model, "{\"content\":\"answer\"}", null));
                return;
            }
            if (text == null) {
                event(
                        out,
                        chunk(
                                model,
                                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_stub1\",\"type\":\"function\","
                                        + "\"function\":{\"name\":\"" + toolName + "\",\"arguments\":\"\"}}]}",
                                null));
                event(
                        out,
                        chunk(
                                model,
                                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\"\"}}]}",
                                null));
                event(
                        out,
                        chunk(
                                model,
                                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":\\\"Paris\\\"}\"}}]}",
                                null));
                event(out, chunk(model, "{}", "\"tool_calls\""));
            } else {
                int half = text.length() / 2;
                boolean logprobs = request.getBoolean("logprobs", false);
                for (String piece : List.of(text.substring(0, half), text.substring(half))) {
                    String delta = Json.createObjectBuilder()
                            .add("content", piece)
                            .build()
                            .toString();
                    // Asked for them, each chunk carries the log probabilities of its own token, as OpenAI streams.
                    event(out, logprobs ? chunkWithLogprobs(model, delta, piece) : chunk(model, delta, null));
                }
                event(out, chunk(model, "{}", "\"stop\""));
            }
            event(
                    out,
                    "{\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"" + model + "\",\"choices\":[],"
                            + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6,\"total_tokens\":26}}");
            event(out, "[DONE]");
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    /** One choice of a whole answer; with {@code firstToken}, OpenAI's log probabilities of that one token. */
    private static String choice(int index, JsonObject message, boolean toolCalls, String firstToken) {
        String logprobs = "null";
        if (firstToken != null) {
            var bytes = Json.createArrayBuilder();
            for (byte b : firstToken.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b);
            }
            JsonObject token = Json.createObjectBuilder()
                    .add("token", firstToken)
                    .add("logprob", -0.25)
                    .add("bytes", bytes)
                    .build();
            logprobs = "{\"content\":["
                    + Json.createObjectBuilder(token)
                            .add("top_logprobs", Json.createArrayBuilder().add(token))
                            .build() + "],\"refusal\":null}";
        }
        return "{\"index\":" + index + ",\"message\":" + message + ",\"logprobs\":" + logprobs + ",\"finish_reason\":\""
                + (toolCalls ? "tool_calls" : "stop") + "\"}";
    }

    private static JsonObject textMessage(String text, String reasoning) {
        var message = Json.createObjectBuilder().add("role", "assistant").add("content", text);
        if (reasoning != null) {
            message.add("reasoning_content", reasoning);
        }
        return message.build();
    }

    private static JsonObject toolCallMessage(String toolName, String reasoning) {
        var message = Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", JsonValue.NULL)
                .add(
                        "tool_calls",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("id", "call_stub1")
                                        .add("type", "function")
                                        .add(
                                                "function",
                                                Json.createObjectBuilder()
                                                        .add("name", toolName)
                                                        .add("arguments", ARGUMENTS))));
        if (reasoning != null) {
            message.add("reasoning_content", reasoning);
        }
        return message.build();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + "}]}";
    }

    /** A content chunk whose one token is {@code token}, with log probability {@link #STREAMED_LOGPROB}. */
    private static String chunkWithLogprobs(String model, String delta, String token) {
        return "{\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":{\"content\":[{\"token\":"
                + Json.createValue(token) + ",\"logprob\":" + STREAMED_LOGPROB
                + ",\"bytes\":null,\"top_logprobs\":[]}],"
                + "\"refusal\":null},\"finish_reason\":null}]}";
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
