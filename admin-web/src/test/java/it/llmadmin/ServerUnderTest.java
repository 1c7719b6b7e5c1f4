package it.llmadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Liberty server the build started for the integration tests, spoken to over real HTTP. */
public final class ServerUnderTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Pattern ISSUED_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(llmk_[^\"]+)\"");

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    static {
        awaitReady();
    }

    private ServerUnderTest() {}

    private static volatile boolean ready;

    /**
     * Waits until the application reports ready (its schema migrated, every readiness check up): on two busy cores
     * Liberty may be up before the application is, and a request then gets Liberty's "context root not found" page
     * instead of ours. Every use of this class waits once; an IT that reaches the server another way (its database)
     * calls this first.
     */
    public static synchronized void awaitReady() {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = CLIENT.send(
                        HttpRequest.newBuilder(uri("/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    ready = true;
                    return;
                }
                Thread.sleep(500);
            } catch (IOException e) {
                sleepBriefly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The server under test did not become ready within " + READY_WITHIN);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static URI uri(String pathAndQuery) {
        return URI.create(System.getProperty("it.base.url", "http://localhost:9180") + pathAndQuery);
    }

    public static HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /**
     * Sends a request and returns the answer, once it is checked for the ITs' secrets ({@link SecretScan}): every IT
     * that speaks to the server through here, directly or through its helpers, has every answer checked.
     */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> answer =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            SecretScan.checkAnswer(request.method() + " " + request.uri().getPath(), answer);
            rememberIssuedToken(request, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A gateway key's token is shown in the answer that issues it, and must then be in no log line or table. */
    private static void rememberIssuedToken(HttpRequest request, HttpResponse<String> answer) {
        if (request.uri().getPath().startsWith("/api/admin/gateway-keys") && answer.body() != null) {
            Matcher token = ISSUED_TOKEN.matcher(answer.body());
            while (token.find()) {
                ItSecrets.issuedToken(token.group(1));
            }
        }
    }

    /** A test resource as text, without the trailing newline an editor adds. */
    public static String resource(String name) {
        try (InputStream in = ServerUnderTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
