package it.llmadmin.hardening;

import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Requests as an attacker or a careless client sends them: over real HTTP, raw where the JDK client would refuse. */
final class Probe {

    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    private Probe() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    static HttpResponse<String> send(
            String method, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ServerUnderTest.uri(path))
                .timeout(Duration.ofSeconds(90))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return ServerUnderTest.send(builder.build());
    }

    static HttpResponse<String> json(String method, String path, String authorization, String body) {
        return send(method, path, authorization, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path, String authorization) {
        return send("GET", path, authorization, null, null);
    }

    static JsonObject parse(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /**
     * One request written byte for byte on a socket (headers the JDK client will not send: Host, a chunked body of
     * our choosing); returns the whole answer as text, headers first.
     */
    static String raw(String request) {
        URI base = ServerUnderTest.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && complete(answer)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // The server may close the connection after a refusal; what came is the answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an answer with a Content-Length has all its body (else read until the server closes). */
    private static boolean complete(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return text.length() - end - 4 >= length;
            }
        }
        return false;
    }

    static int statusOf(String rawAnswer) {
        return Integer.parseInt(rawAnswer.substring(9, 12));
    }

    static String port() {
        return Integer.toString(ServerUnderTest.uri("/").getPort());
    }

    /** The server's certificate is self-signed (generated on its first start): this test trusts it as it is. */
    static SSLContext trustingTheSelfSignedCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                null,
                new TrustManager[] {
                    new X509ExtendedTrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return context;
    }
}
