package io.llmadmin.services.llm.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.Response;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChatStreamListener;
import io.llmadmin.services.llm.Embeddings;
import io.llmadmin.services.llm.GeneratedImages;
import io.llmadmin.services.llm.ImageCall;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.llm.SpeechAudio;
import io.llmadmin.services.llm.SpeechCall;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import io.llmadmin.services.vault.ApiKeyVault;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat service on LangChain4j. Each call: resolve the model, check the parameters against it, then per upstream
 * attempt get a key from the vault, pass the {@link CallGuard}, call, and report a {@link CallRecord} to the guard's
 * permit and to the {@link CallRecorder}. Retriable failures are retried by the {@link RetryPolicy} (for a stream only
 * before its first chunk); when the model still fails, its fallbacks are tried in order.
 *
 * <p>Configuration (MicroProfile Config, so environment variables work): {@code INFERENCE_SERVICE_URL} (default
 * {@code http://localhost:8001}), {@code LLM_CALL_TIMEOUT_SECONDS} (per attempt; 120), {@code LLM_RETRY_ATTEMPTS}
 * (retries after the first attempt; 2), {@code LLM_RETRY_BASE_DELAY_MS} (1500) and {@code LLM_RETRY_MAX_DELAY_MS}
 * (20000).
 */
@ApplicationScoped
public class LangChain4jChatService implements ChatService {

    private static final Logger LOG = Logger.getLogger(LangChain4jChatService.class.getName());

    private final ModelDirectory directory;
    private final ApiKeyVault vault;
    private final CallGuard guard;
    private final CallRecorder recorder;
    private final Settings settings;
    private final LangChain4jModelFactory factory;
    private final InferenceServiceClient inference;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Clock clock;

    /**
     * What the service is tuned with.
     *
     * @param callTimeout how long one upstream attempt may take when the call sets no timeout (for a stream: the
     *     longest silence)
     * @param retryPolicy when to retry
     * @param inferenceServiceUrl where image and speech models are called when they set no api base
     * @param dataDirectory the application's data directory; the in-process embedding model's native files are
     *     unpacked under its {@code djl-cache} unless {@code DJL_CACHE_DIR} says otherwise; may be null
     */
    record Settings(Duration callTimeout, RetryPolicy retryPolicy, String inferenceServiceUrl, String dataDirectory) {

        Settings(Duration callTimeout, RetryPolicy retryPolicy, String inferenceServiceUrl) {
            this(callTimeout, retryPolicy, inferenceServiceUrl, null);
        }
    }

    @Inject
    public LangChain4jChatService(
            ModelDirectory directory,
            Instance<ApiKeyVault> vaults,
            Instance<CallGuard> guards,
            Instance<CallRecorder> recorders,
            @ConfigProperty(name = "INFERENCE_SERVICE_URL", defaultValue = "http://localhost:8001")
                    String inferenceServiceUrl,
            @ConfigProperty(name = "LLM_CALL_TIMEOUT_SECONDS", defaultValue = "120") long timeoutSeconds,
            @ConfigProperty(name = "LLM_RETRY_ATTEMPTS", defaultValue = "2") int retries,
            @ConfigProperty(name = "LLM_RETRY_BASE_DELAY_MS", defaultValue = "1500") long baseDelayMillis,
            @ConfigProperty(name = "LLM_RETRY_MAX_DELAY_MS", defaultValue = "20000") long maxDelayMillis,
            @ConfigProperty(name = "LLMADMIN_DATA_DIR") Optional<String> dataDirectory,
            @CallExecutor ScheduledExecutorService managedScheduler) {
        this(
                new Settings(
                        Duration.ofSeconds(timeoutSeconds),
                        RetryPolicy.of(retries, Duration.ofMillis(baseDelayMillis), Duration.ofMillis(maxDelayMillis)),
                        inferenceServiceUrl,
                        dataDirectory.orElse(null)),
                directory,
                resolvable(vaults, "ApiKeyVault", "calls to providers that need a key fail as not configured")
                        .orElse(provider -> Optional.empty()),
                resolvable(guards, "CallGuard", "calls are not rate limited").orElse(CallGuard.unlimited()),
                resolvable(recorders, "CallRecorder", "usage is not recorded").orElse(CallRecorder.none()),
                Clock.systemUTC(),
                managedScheduler);
    }

    /** With a scheduler of its own (daemon threads), for tests and use outside a container. */
    LangChain4jChatService(
            Settings settings,
            ModelDirectory directory,
            ApiKeyVault vault,
            CallGuard guard,
            CallRecorder recorder,
            Clock clock) {
        this(settings, directory, vault, guard, recorder, clock, null);
    }

    /**
     * @param managedScheduler the container's managed scheduled executor: stream retries, fallbacks, timers and the
     *     HTTP client's callbacks then run on managed threads (with the application's context, so a JPA-backed vault
     *     or directory works there); null to create a private daemon scheduler
     */
    LangChain4jChatService(
            Settings settings,
            ModelDirectory directory,
            ApiKeyVault vault,
            CallGuard guard,
            CallRecorder recorder,
            Clock clock,
            ScheduledExecutorService managedScheduler) {
        this.settings = settings;
        this.directory = directory;
        this.vault = vault;
        this.guard = guard;
        this.recorder = recorder;
        this.clock = clock;
        this.ownsScheduler = managedScheduler == null;
        this.scheduler = managedScheduler != null
                ? managedScheduler
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "llm-call-timer");
                    thread.setDaemon(true);
                    return thread;
                });
        this.factory = new LangChain4jModelFactory(settings.callTimeout(), settings.dataDirectory(), managedScheduler);
        this.inference = new InferenceServiceClient(settings.inferenceServiceUrl());
    }

    /** For the CDI proxy only. */
    protected LangChain4jChatService() {
        this.settings = null;
        this.directory = null;
        this.vault = null;
        this.guard = null;
        this.recorder = null;
        this.clock = null;
        this.factory = null;
        this.inference = null;
        this.scheduler = null;
        this.ownsScheduler = false;
    }

    private static <T> Optional<T> resolvable(Instance<T> instance, String what, String consequence) {
        if (instance.isResolvable()) {
            return Optional.of(instance.get());
        }
        if (instance.isAmbiguous()) {
            LOG.severe("More than one " + what + " bean is deployed, so none is used: " + consequence);
        } else {
            LOG.warning("No " + what + " bean is deployed: " + consequence);
        }
        return Optional.empty();
    }

    @PreDestroy
    void stop() {
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    LangChain4jModelFactory factory() {
        return factory;
    }

    // ---- blocking chat ----------------------------------------------------------------------------------------

    @Override
    public ChatResult chat(ChatCall call) {
        return chat(requireModel(call.model()), call);
    }

    @Override
    public ChatResult chat(ModelConfiguration model, ChatCall requested) {
        ChatCall call = ModelDefaults.apply(requested.withModel(model.catalogId()), model);
        ChatCallChecks.check(call, model);
        return withFallbacks(
                call, model, (candidate, candidateCall) -> withRetries(() -> chatOnce(candidate, candidateCall)));
    }

    private ChatResult chatOnce(ModelConfiguration model, ChatCall call) {
        Attempt attempt = begin(model, "chat", call.caller(), call.promptText(), maxTokens(call), timeoutOf(call));
        try {
            ChatResponse response = attempt.context.run(
                    () -> factory.chatModel(model, attempt.key).chat(Conversions.toRequest(call, model)));
            ChatResult result = toResult(model, response);
            attempt.end(CallOutcome.SUCCEEDED, null, result.usage());
            return result;
        } catch (RuntimeException e) {
            LlmException failure = ProviderFailures.map(e, model.provider(), attempt.key);
            attempt.end(CallOutcome.FAILED, failure, Optional.empty());
            throw failure;
        }
    }

    private static ChatResult toResult(ModelConfiguration model, ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        String thinking =
                response.aiMessage() == null ? null : response.aiMessage().thinking();
        ReasoningStreamParser parser = new ReasoningStreamParser();
        parser.addChunk("", thinking);
        parser.addChunk(text, "");
        parser.finish();
        StreamDelta output = parser.output();
        return new ChatResult(
                model.catalogId(),
                output.response(),
                output.reasoning(),
                Conversions.toolCalls(response),
                Conversions.usage(response.tokenUsage()),
                Conversions.finishReason(response));
    }

    // ---- streaming chat ---------------------------------------------------------------------------------------

    @Override
    public ChatStream stream(ChatCall call, ChatStreamListener listener) {
        return stream(requireModel(call.model()), call, listener);
    }

    @Override
    public ChatStream stream(ModelConfiguration model, ChatCall requested, ChatStreamListener listener) {
        ChatCall call = ModelDefaults.apply(requested.withModel(model.catalogId()), model);
        ChatCallChecks.check(call, model);
        StreamRun run = new StreamRun(call, model, listener);
        run.startAttempt();
        return run;
    }

    /** One streaming call across its attempts (retries, then fallbacks); every event is handled under its lock. */
    private final class StreamRun implements ChatStream {
        private final ChatStreamListener listener;
        private final ReasoningStreamParser parser = new ReasoningStreamParser();
        private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
        /** Resolved on the caller's thread, so no later thread needs the directory. */
        private final Deque<ModelConfiguration> fallbacks = new ArrayDeque<>();

        private ModelConfiguration model;
        private ChatCall call;
        private int retries;
        private StreamAttempt current;
        private boolean started;
        private boolean done;
        private boolean cancelled;

        StreamRun(ChatCall call, ModelConfiguration model, ChatStreamListener listener) {
            this.call = call;
            this.model = model;
            this.listener = listener;
            for (String fallbackId : directory.fallbacksOf(model)) {
                usableFallback(fallbackId, call).ifPresent(fallbacks::add);
            }
        }

        synchronized void startAttempt() {
            if (done) {
                return;
            }
            StreamAttempt attempt;
            try {
                attempt = new StreamAttempt(
                        this,
                        begin(model, "stream", call.caller(), call.promptText(), maxTokens(call), timeoutOf(call)));
            } catch (AdmissionRefused refused) {
                failed(refused.failure, false);
                return;
            } catch (LlmException notConfigured) {
                failed(notConfigured, false);
                return;
            }
            current = attempt;
            attempt.watch(timeoutOf(call));
            try {
                attempt.attempt.context.run(() -> {
                    factory.streamingChatModel(model, attempt.attempt.key)
                            .chat(Conversions.toRequest(call, model), attempt);
                    return null;
                });
            } catch (RuntimeException e) {
                attempt.onError(e);
            }
        }

        /** Events of an attempt that was replaced, ended (timed out, failed) or cancelled are dropped. */
        private boolean isStale(StreamAttempt from) {
            return from != current || done || from.attempt.isEnded();
        }

        synchronized void timedOut(StreamAttempt from, Duration timeout) {
            if (isStale(from)) {
                return;
            }
            LlmTimeoutException failure = new LlmTimeoutException(
                    "Provider '" + model.provider() + "' sent nothing for " + timeout.toMillis() + " ms", null);
            from.attempt.end(CallOutcome.FAILED, failure, Optional.empty());
            from.attempt.context.cancel();
            failed(failure, true);
        }

        synchronized void chunk(StreamAttempt from, String response, String reasoning) {
            if (isStale(from)) {
                return;
            }
            from.touch();
            started = true;
            emit(parser.addChunk(response, reasoning));
        }

        synchronized void completed(StreamAttempt from, ChatResponse response) {
            if (isStale(from)) {
                return;
            }
            String text =
                    response.aiMessage() == null ? null : response.aiMessage().text();
            if (!started && text != null) {
                emit(parser.addChunk("", response.aiMessage().thinking()));
                emit(parser.addChunk(text, ""));
            }
            emit(parser.finish());
            StreamDelta output = parser.output();
            ChatResult answer = new ChatResult(
                    model.catalogId(),
                    output.response(),
                    output.reasoning(),
                    Conversions.toolCalls(response),
                    Conversions.usage(response.tokenUsage()),
                    Conversions.finishReason(response));
            from.stopWatching();
            from.attempt.end(CallOutcome.SUCCEEDED, null, answer.usage());
            done = true;
            if (!cancelled) {
                try {
                    listener.onComplete(answer);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A stream listener failed on completion", e);
                }
            }
            result.complete(answer);
        }

        synchronized void errored(StreamAttempt from, Throwable error) {
            if (isStale(from)) {
                return;
            }
            LlmException failure = ProviderFailures.map(error, model.provider(), from.attempt.key);
            from.stopWatching();
            from.attempt.end(CallOutcome.FAILED, failure, Optional.empty());
            failed(failure, true);
        }

        /** After a failed attempt: retry, fall back, or give up. */
        private void failed(LlmException failure, boolean mayRetry) {
            if (started) {
                finishWith(failure);
                return;
            }
            Optional<Duration> delay =
                    mayRetry ? settings.retryPolicy().delayBefore(++retries, failure) : Optional.empty();
            if (delay.isPresent()) {
                LOG.info(() -> "Model '" + model.catalogId() + "' failed ("
                        + failure.getClass().getSimpleName() + "); retry " + retries + " in "
                        + delay.get().toMillis() + " ms");
                scheduler.schedule(this::startAttempt, delay.get().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            if (canFallBack(failure)) {
                ModelConfiguration next = fallbacks.poll();
                if (next != null) {
                    LOG.warning("Model '" + model.catalogId() + "' failed ("
                            + failure.getClass().getSimpleName() + "); falling back to '" + next.catalogId() + "'");
                    model = next;
                    call = ModelDefaults.apply(call.withModel(model.catalogId()), model);
                    retries = 0;
                    scheduler.execute(this::startAttempt);
                    return;
                }
            }
            finishWith(failure);
        }

        private void finishWith(LlmException failure) {
            done = true;
            if (!cancelled) {
                StreamDelta partial = parser.output();
                try {
                    listener.onError(
                            failure,
                            new ChatResult(
                                    model.catalogId(),
                                    partial.response(),
                                    partial.reasoning(),
                                    List.of(),
                                    Optional.empty(),
                                    Optional.empty()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A stream listener failed on error", e);
                }
            }
            result.completeExceptionally(failure);
        }

        private void emit(StreamDelta delta) {
            if (cancelled) {
                return;
            }
            try {
                if (!delta.reasoning().isEmpty()) {
                    listener.onReasoning(delta.reasoning());
                }
                if (!delta.response().isEmpty()) {
                    listener.onResponse(delta.response());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "The stream's consumer failed; cancelling the upstream request", e);
                cancel();
            }
        }

        @Override
        public synchronized void cancel() {
            if (done && !cancelled) {
                if (!result.isDone()) {
                    result.cancel(false);
                }
                return;
            }
            cancelled = true;
            done = true;
            if (current != null) {
                current.stopWatching();
                current.attempt.context.cancel();
                current.attempt.end(CallOutcome.CANCELLED, null, Optional.empty());
            }
            result.cancel(false);
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public CompletionStage<ChatResult> result() {
            return result;
        }
    }

    /** LangChain4j's handler for one attempt of a stream; events of an abandoned attempt are ignored. */
    private final class StreamAttempt implements StreamingChatResponseHandler {
        private final StreamRun run;
        private final Attempt attempt;
        private volatile long lastActivity = System.nanoTime();
        private volatile ScheduledFuture<?> watchdog;

        StreamAttempt(StreamRun run, Attempt attempt) {
            this.run = run;
            this.attempt = attempt;
        }

        void touch() {
            lastActivity = System.nanoTime();
        }

        /** Fails the attempt with a timeout when the provider stays silent for {@code timeout}. */
        void watch(Duration timeout) {
            if (attempt.isEnded()) {
                return;
            }
            long silence = System.nanoTime() - lastActivity;
            long left = timeout.toNanos() - silence;
            if (left <= 0) {
                run.timedOut(this, timeout);
                return;
            }
            watchdog = scheduler.schedule(() -> watch(timeout), left, TimeUnit.NANOSECONDS);
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            run.chunk(this, partialResponse, "");
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            run.chunk(this, "", partialThinking.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            run.completed(this, completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            run.errored(this, error);
        }

        void stopWatching() {
            ScheduledFuture<?> timer = watchdog;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    // ---- embeddings, images, speech ---------------------------------------------------------------------------

    @Override
    public Embeddings embed(String modelId, List<String> texts, String caller) {
        return embed(requireModel(modelId), texts, caller);
    }

    @Override
    public Embeddings embed(ModelConfiguration model, List<String> texts, String caller) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidLlmRequestException("input", "input must hold at least one text");
        }
        if (texts.stream().anyMatch(text -> text == null || text.isEmpty())) {
            throw new InvalidLlmRequestException("input", "input must not hold an empty text");
        }
        ChatCallChecks.requireType(model, ModelType.EMBEDDING);
        return withRetries(() -> {
            Attempt attempt = begin(model, "embedding", caller, String.join("\n", texts), 0, settings.callTimeout());
            try {
                Response<List<Embedding>> response =
                        attempt.context.run(() -> factory.embeddingModel(model, attempt.key)
                                .embedAll(texts.stream().map(TextSegment::from).toList()));
                Optional<TokenUsage> usage = Conversions.embeddingUsage(response.tokenUsage());
                attempt.end(CallOutcome.SUCCEEDED, null, usage);
                return new Embeddings(
                        model.catalogId(),
                        response.content().stream().map(Embedding::vector).toList(),
                        usage);
            } catch (RuntimeException e) {
                LlmException failure = ProviderFailures.map(e, model.provider(), attempt.key);
                attempt.end(CallOutcome.FAILED, failure, Optional.empty());
                throw failure;
            }
        });
    }

    @Override
    public GeneratedImages generateImage(ImageCall call) {
        ModelConfiguration model = requireModel(call.model());
        ChatCallChecks.requireType(model, ModelType.IMAGE);
        return withRetries(() -> inferenceCall(
                model,
                "image",
                call.caller(),
                call.prompt(),
                key -> inference.images(model, call, key, settings.callTimeout())));
    }

    @Override
    public SpeechAudio speak(SpeechCall call) {
        ModelConfiguration model = requireModel(call.model());
        ChatCallChecks.requireType(model, ModelType.SPEECH);
        return withRetries(() -> inferenceCall(
                model,
                "speech",
                call.caller(),
                call.input(),
                key -> inference.speech(model, call, key, settings.callTimeout())));
    }

    private <T> T inferenceCall(
            ModelConfiguration model, String kind, String caller, String prompt, Function<String, T> send) {
        Attempt attempt = begin(model, kind, caller, prompt, 0, settings.callTimeout());
        try {
            T result = send.apply(attempt.key);
            attempt.end(CallOutcome.SUCCEEDED, null, Optional.empty());
            return result;
        } catch (RuntimeException e) {
            LlmException failure = ProviderFailures.map(e, model.provider(), attempt.key);
            attempt.end(CallOutcome.FAILED, failure, Optional.empty());
            throw failure;
        }
    }

    // ---- shared machinery -------------------------------------------------------------------------------------

    private ModelConfiguration requireModel(String catalogId) {
        return directory
                .find(catalogId)
                .orElseThrow(() -> new LlmNotFoundException("No active model '" + catalogId + "'", null));
    }

    private static int maxTokens(ChatCall call) {
        return call.maxTokens() == null ? 0 : call.maxTokens();
    }

    private Duration timeoutOf(ChatCall call) {
        return call.timeoutIfSet().orElse(settings.callTimeout());
    }

    /** Fallbacks are tried after any failure except a bad request, which no other model would take either. */
    private static boolean canFallBack(LlmException failure) {
        return !(failure instanceof InvalidLlmRequestException);
    }

    private <T> T withFallbacks(
            ChatCall call,
            ModelConfiguration first,
            java.util.function.BiFunction<ModelConfiguration, ChatCall, T> attempt) {
        LlmException lastFailure;
        try {
            return attempt.apply(first, call);
        } catch (LlmException e) {
            if (!canFallBack(e)) {
                throw e;
            }
            lastFailure = e;
        }
        for (String fallbackId : directory.fallbacksOf(first)) {
            Optional<ModelConfiguration> fallback = usableFallback(fallbackId, call);
            if (fallback.isEmpty()) {
                continue;
            }
            ChatCall fallbackCall = ModelDefaults.apply(call.withModel(fallbackId), fallback.get());
            LOG.warning("Model '" + first.catalogId() + "' failed ("
                    + lastFailure.getClass().getSimpleName() + "); falling back to '" + fallbackId + "'");
            try {
                return attempt.apply(fallback.get(), fallbackCall);
            } catch (LlmException e) {
                if (!canFallBack(e)) {
                    throw e;
                }
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** A fallback that exists and takes the call's parameters, or empty (logged). */
    private Optional<ModelConfiguration> usableFallback(String fallbackId, ChatCall call) {
        Optional<ModelConfiguration> fallback = directory.find(fallbackId);
        if (fallback.isEmpty()) {
            LOG.warning("Fallback model '" + fallbackId + "' is not an active model; skipped");
            return Optional.empty();
        }
        try {
            ChatCallChecks.check(ModelDefaults.apply(call.withModel(fallbackId), fallback.get()), fallback.get());
            return fallback;
        } catch (InvalidLlmRequestException e) {
            LOG.warning("Fallback model '" + fallbackId + "' cannot take this call (" + e.getMessage() + "); skipped");
            return Optional.empty();
        }
    }

    /**
     * A chat service built outside CDI that makes exactly one upstream attempt per call: no retries, no fallbacks, no
     * rate limit of its own, and no directory (only the {@code (ModelConfiguration, ...)} methods work). For callers
     * that keep a retry loop of their own, as the legacy facade does with its {@code a0_retry_attempts}.
     *
     * @param vault where each attempt gets its key (the caller may decorate it)
     * @param recorder receives every attempt, e.g. the usage recorder; {@link CallRecorder#none()} for nothing
     * @param callTimeout how long one attempt may take (for a stream: the longest silence)
     * @param inferenceServiceUrl where image and speech models are called
     * @param dataDirectory the data directory (the in-process model's native files go under it); may be null
     */
    public static ChatService singleAttempt(
            ApiKeyVault vault,
            CallRecorder recorder,
            Duration callTimeout,
            String inferenceServiceUrl,
            String dataDirectory) {
        return new LangChain4jChatService(
                new Settings(
                        callTimeout,
                        RetryPolicy.of(0, Duration.ZERO, Duration.ZERO),
                        inferenceServiceUrl,
                        dataDirectory),
                catalogId -> Optional.empty(),
                vault,
                CallGuard.unlimited(),
                recorder,
                Clock.systemUTC());
    }

    /** Runs {@code once} until it succeeds or the retry policy gives up; waits on the calling thread. */
    private <T> T withRetries(Supplier<T> once) {
        for (int retry = 1; ; retry++) {
            try {
                return once.get();
            } catch (AdmissionRefused refused) {
                throw refused.failure;
            } catch (LlmException failure) {
                Optional<Duration> delay = settings.retryPolicy().delayBefore(retry, failure);
                if (delay.isEmpty()) {
                    throw failure;
                }
                int number = retry;
                LOG.info(() -> "Call failed (" + failure.getClass().getSimpleName() + "); retry " + number + " in "
                        + delay.get().toMillis() + " ms");
                try {
                    Thread.sleep(delay.get().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /** Starts one upstream attempt: the key, then the guard's admission. */
    private Attempt begin(
            ModelConfiguration model,
            String kind,
            String caller,
            String prompt,
            int maxOutputTokens,
            Duration timeout) {
        ProviderRoute route = LangChain4jModelFactory.routeOf(model);
        String key = switch (route) {
            case IN_PROCESS -> null;
            default ->
                route.needsKey(model.provider())
                        ? vault.requireKey(model.provider())
                        : vault.nextKey(model.provider()).orElse(null);
        };
        CallGuard.Permit permit;
        try {
            permit = guard.admit(new CallGuard.Admission(model, caller, prompt, maxOutputTokens));
        } catch (LlmRateLimitedException refused) {
            throw new AdmissionRefused(refused);
        }
        return new Attempt(model, kind, caller, key, permit, TokenEstimates.count(prompt), timeout);
    }

    /** One upstream attempt's bookkeeping; {@link #end} reports it exactly once. */
    private final class Attempt {
        private final ModelConfiguration model;
        private final String kind;
        private final String caller;
        private final String key;
        private final CallGuard.Permit permit;
        private final int estimatedInputTokens;
        private final Instant startedAt = clock.instant();
        private final long startNanos = System.nanoTime();
        private final CallContext context;
        private boolean ended;

        Attempt(
                ModelConfiguration model,
                String kind,
                String caller,
                String key,
                CallGuard.Permit permit,
                int estimatedInputTokens,
                Duration timeout) {
            this.model = model;
            this.kind = kind;
            this.caller = caller;
            this.key = key;
            this.permit = permit;
            this.estimatedInputTokens = estimatedInputTokens;
            this.context = new CallContext(timeout);
        }

        synchronized boolean isEnded() {
            return ended;
        }

        void end(CallOutcome outcome, LlmException failure, Optional<TokenUsage> usage) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            CallRecord record = new CallRecord(
                    model.catalogId(),
                    model.provider(),
                    kind,
                    caller,
                    startedAt,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    outcome,
                    Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName()),
                    usage,
                    estimatedInputTokens);
            try {
                permit.settle(record);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Settling a rate-limit permit failed", e);
            }
            try {
                recorder.record(record);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recording a call failed", e);
            }
        }
    }

    /** Our own limiter refused: not retried here (the caller gets the retry-after), but fallbacks may be tried. */
    private static final class AdmissionRefused extends RuntimeException {
        private final LlmRateLimitedException failure;

        AdmissionRefused(LlmRateLimitedException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
