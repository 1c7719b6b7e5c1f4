package io.llmadmin.services.llm.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client under every LangChain4j provider model, on the JDK's {@link java.net.http.HttpClient}. Unlike
 * LangChain4j's default it keeps a failed answer's {@code Retry-After}, bounds each request by the current
 * {@link CallContext}'s timeout (the whole answer for a blocking call, the arrival of the headers for a stream), and
 * registers an abort with the context so that cancelling a stream closes its connection.
 */
final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;
    private final java.util.concurrent.Executor executor;
    private final java.util.Map<String, String> modelHeaders;

    private ProviderHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdk =
                java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        // The JDK client keeps its own executor for its I/O completions. Given the container's pool, a burst of
        // blocking calls parked every pool thread in future.get() while the completions they waited for queued behind
        // them on that same pool: eight concurrent gateway calls hung until their timeout. Only a stream's listener
        // moves to the managed executor (below), where it needs the application's context.
        this.delegate = jdk.build();
        this.readTimeout = builder.readTimeout;
        this.executor = builder.executor;
        this.modelHeaders = builder.modelHeaders;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CallContext context = CallContext.current();
        Duration timeout = timeoutFor(context);
        CompletableFuture<HttpResponse<byte[]>> future =
                delegate.sendAsync(toJdk(request, timeout, modelHeaders), HttpResponse.BodyHandlers.ofByteArray());
        if (context != null) {
            context.onCancel(() -> future.cancel(true));
        }
        HttpResponse<byte[]> response;
        try {
            response = timeout == null ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UncheckedIOException(new HttpTimeoutException("no complete answer within " + timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the provider");
        } catch (ExecutionException e) {
            throw asUnchecked(e.getCause());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!isSuccessful(response.statusCode())) {
            throw new ProviderHttpException(response.statusCode(), body, retryAfter(response.headers()));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        CallContext context = CallContext.current();
        CompletableFuture<HttpResponse<InputStream>> future = delegate.sendAsync(
                toJdk(request, timeoutFor(context), modelHeaders), HttpResponse.BodyHandlers.ofInputStream());
        if (context != null) {
            context.onCancel(() -> future.cancel(true));
        }
        java.util.function.BiConsumer<HttpResponse<InputStream>, Throwable> onResponse = (response, failure) -> {
            if (failure != null) {
                if (context == null || !context.isCancelled()) {
                    listener.onError(unwrap(failure));
                }
                return;
            }
            try (InputStream body = response.body()) {
                if (context != null) {
                    context.onCancel(() -> closeQuietly(body));
                }
                if (!isSuccessful(response.statusCode())) {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    listener.onError(
                            new ProviderHttpException(response.statusCode(), text, retryAfter(response.headers())));
                    return;
                }
                listener.onOpen(SuccessfulHttpResponse.builder()
                        .statusCode(response.statusCode())
                        .headers(response.headers().map())
                        .build());
                parser.parse(body, listener);
                if (context == null || !context.isCancelled()) {
                    listener.onClose();
                }
            } catch (IOException | RuntimeException e) {
                if (context == null || !context.isCancelled()) {
                    listener.onError(e);
                }
            }
        };
        // The stream is read, and the listener called, on the configured (managed) executor when there is one.
        if (executor != null) {
            future.whenCompleteAsync(onResponse, executor);
        } else {
            future.whenComplete(onResponse);
        }
    }

    private Duration timeoutFor(CallContext context) {
        return context != null && context.timeout() != null ? context.timeout() : readTimeout;
    }

    private static java.net.http.HttpRequest toJdk(
            HttpRequest request, Duration timeout, java.util.Map<String, String> modelHeaders) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        // The model's own headers never replace one the provider's client set (its key, its content type).
        modelHeaders.forEach((name, value) -> {
            if (request.headers().keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                builder.header(name, value);
            }
        });
        if (!request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart uploads are not used by llm-admin");
        }
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        HttpMethod method = request.method();
        builder.method(
                method.name(), method == HttpMethod.GET ? java.net.http.HttpRequest.BodyPublishers.noBody() : body);
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    private static boolean isSuccessful(int status) {
        return status >= 200 && status < 300;
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(ProviderHttpClient::parseRetryAfter)
                .orElse(null);
    }

    static Duration parseRetryAfter(String value) {
        String text = value.trim();
        try {
            double seconds = Double.parseDouble(text);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RuntimeException asUnchecked(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new CompletionException(cause);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the stream is being abandoned on purpose
        }
    }

    /** What LangChain4j's model builders configure; the models call it with their timeout. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private java.util.concurrent.Executor executor;
        private java.util.Map<String, String> modelHeaders = java.util.Map.of();

        /** Headers the model's configuration adds to every request ({@code registry.ModelHeaders}). */
        Builder modelHeaders(java.util.Map<String, String> value) {
            this.modelHeaders = java.util.Map.copyOf(value);
            return this;
        }

        /** Where the JDK client runs its asynchronous work; null for its own pool. */
        Builder executor(java.util.concurrent.Executor value) {
            this.executor = value;
            return this;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(this);
        }
    }
}
