package io.llmadmin.services.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.ollama.OllamaFailureException;
import io.llmadmin.services.ollama.OllamaUnreachableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Ollama's REST API ({@code /api/tags}, {@code /api/show}, {@code /api/pull}, {@code /api/delete}) over the JDK's
 * HTTP client. A connection failure, a timeout, a 429 or a 5xx is retried with exponential backoff and jitter (the
 * same {@code LLM_RETRY_*} settings as model calls); a 404 is "not found" at once, never retried. A pull's stream is
 * not retried once it has started: the job reports the failure instead.
 */
final class OllamaClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration requestTimeout;
    private final int retries;
    private final Duration baseDelay;
    private final Duration maxDelay;

    OllamaClient(Duration requestTimeout, int retries, Duration baseDelay, Duration maxDelay) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** {@code GET /api/tags}: the installed models. */
    JsonNode tags(String endpoint) {
        return readJson(endpoint, "GET", "/api/tags", null, "the model list");
    }

    /** {@code POST /api/show}: one model's details; not found when it is not installed. */
    JsonNode show(String endpoint, String model) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        return readJson(endpoint, "POST", "/api/show", body, "model '" + model + "'");
    }

    /** {@code DELETE /api/delete}; not found when it is not installed. */
    void delete(String endpoint, String model) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        send(endpoint, "DELETE", "/api/delete", body, "model '" + model + "'", HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code POST /api/pull} with {@code stream: true}: hands each NDJSON line to {@code onLine} until the stream
     * ends or {@code onLine} answers false (then the connection is closed, which stops Ollama's download).
     */
    void pull(String endpoint, String model, Predicate<JsonNode> onLine) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", true);
        HttpResponse<InputStream> response = send(
                endpoint,
                "POST",
                "/api/pull",
                body,
                "model '" + model + "'",
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new OllamaFailureException("Ollama at " + endpoint + " sent a line that is not JSON");
                }
                if (!onLine.test(node)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new OllamaUnreachableException(
                    endpoint, "the pull's stream broke off (" + e.getClass().getSimpleName() + ")");
        }
    }

    private JsonNode readJson(String endpoint, String method, String path, JsonNode body, String what) {
        HttpResponse<String> response = send(endpoint, method, path, body, what, HttpResponse.BodyHandlers.ofString());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new OllamaFailureException(
                    "Ollama at " + endpoint + " answered " + path + " with something other than JSON");
        }
    }

    private <T> HttpResponse<T> send(
            String endpoint,
            String method,
            String path,
            JsonNode body,
            String what,
            HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(endpoint + path)).header("Accept", "application/json");
        if (!path.equals("/api/pull")) {
            builder.timeout(requestTimeout);
        }
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest request = builder.build();
        for (int attempt = 0; ; attempt++) {
            RuntimeException failure;
            try {
                HttpResponse<T> response = http.send(request, handler);
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response;
                }
                String error = errorOf(response);
                closeQuietly(response);
                if (status == 404) {
                    throw new UnknownEntityException(
                            "Ollama at " + endpoint + " has no " + what + (error == null ? "" : " (" + error + ")"));
                }
                if (status == 429 || status >= 500) {
                    failure = new OllamaFailureException("Ollama at " + endpoint + " answered " + path + " with HTTP "
                            + status + (error == null ? "" : ": " + error));
                } else {
                    throw new OllamaFailureException("Ollama at " + endpoint + " refused " + path + " with HTTP "
                            + status + (error == null ? "" : ": " + error));
                }
            } catch (IOException e) {
                failure = new OllamaUnreachableException(
                        endpoint, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OllamaUnreachableException(endpoint, "interrupted");
            }
            if (attempt >= retries) {
                throw failure;
            }
            sleep(backoff(attempt + 1));
        }
    }

    /** Exponential backoff with jitter: a random point between half and all of {@code base × 2^(retry-1)}. */
    Duration backoff(int retry) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 30));
        return Duration.ofMillis(Math.round(ceiling * (0.5 + 0.5 * Math.random())));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting to retry"));
        }
    }

    /** Ollama's {@code {"error": "..."}}, or null. */
    private static String errorOf(HttpResponse<?> response) {
        Object body = response.body();
        String text;
        try {
            text = body instanceof InputStream in
                    ? new String(in.readNBytes(4096), StandardCharsets.UTF_8)
                    : body == null ? null : body.toString();
        } catch (IOException e) {
            return null;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.hasNonNull("error") ? node.get("error").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to read
            }
        }
    }
}
