package it.llmadmin;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A stand-in for the outside world (a provider) on loopback, on a port the OS picks, for an IT's server to call. */
public final class LoopbackServer {

    private LoopbackServer() {}

    /** A started server answering {@code path} with {@code handler}, each exchange on a thread of its own. */
    public static HttpServer start(String path, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, handler);
        server.start();
        return server;
    }

    /** The OpenAI-style api base of a model whose provider is this server. */
    public static String apiBase(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A request body as the JSON object it must be. */
    public static JsonObject jsonBody(InputStream body) throws IOException {
        try (JsonReader reader =
                Json.createReader(new StringReader(new String(body.readAllBytes(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
