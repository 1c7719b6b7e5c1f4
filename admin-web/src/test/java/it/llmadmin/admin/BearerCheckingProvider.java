package it.llmadmin.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible provider on loopback that checks the bearer token as OpenAI does: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions} answer only {@code Authorization: Bearer <expected>}; any other token gets OpenAI's
 * 401, which quotes the token it was given in masked form, as OpenAI's does. Every Authorization header it receives is
 * kept (or {@code "<none>"}), so a test can tell which secret reached which host.
 */
public final class BearerCheckingProvider implements AutoCloseable {

    public static final String ANSWER = "Hello from the bearer-checking provider";

    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final String expected;

    public BearerCheckingProvider(String expectedSecret) throws IOException {
        this.expected = "Bearer " + expectedSecret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/models", exchange -> answer(exchange, "{\"object\":\"list\",\"data\":[]}"));
        server.createContext(
                "/v1/chat/completions",
                exchange -> answer(
                        exchange,
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                                + ANSWER + "\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}"));
        server.start();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "<none>" : authorization);
        if (!expected.equals(authorization)) {
            String given = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
            String masked =
                    given.length() > 8 ? given.substring(0, 3) + "****" + given.substring(given.length() - 4) : "";
            body = "{\"error\":{\"message\":\"Incorrect API key provided: " + masked + " (full: " + given
                    + "). You can find your API key at https://platform.openai.com/account/api-keys.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
            send(exchange, 401, body);
            return;
        }
        send(exchange, 200, body);
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
