package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.CallGuard;
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
import io.llmadmin.services.vault.ApiKeyVault;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat service on LangChain4j, as a flow: resolve the model, fill in its defaults and check the call against it,
 * then hand the call to the step that does its kind of work. The steps are classes of their own: {@link Attempts}
 * starts each upstream attempt (key, admission) and {@link Attempt} reports it once to the guard and the recorder;
 * {@link Retries} retries a blocking attempt; {@link Fallbacks} goes on to the model's fallbacks; {@link BlockingChat}
 * and {@link StreamingChat} (with its state machine {@link ChatStreamRun}) talk to the chat models;
 * {@link EmbeddingCalls} and {@link InferenceCalls} do embeddings, images and speech. This class wires them.
 *
 * <p>Configuration (MicroProfile Config, so environment variables work): {@code INFERENCE_SERVICE_URL} (default
 * {@code http://localhost:8001}), {@code LLM_CALL_TIMEOUT_SECONDS} (per attempt; 120), {@code LLM_RETRY_ATTEMPTS}
 * (retries after the first attempt; 2), {@code LLM_RETRY_BASE_DELAY_MS} (1500), {@code LLM_RETRY_MAX_DELAY_MS}
 * (20000) and {@code LLM_RATE_LIMIT_MAX_WAIT_MS} (500: a provider's Retry-After is waited for only when shorter).
 */
@ApplicationScoped
public class LangChain4jChatService implements ChatService {

    private static final Logger LOG = Logger.getLogger(LangChain4jChatService.class.getName());

    private final ModelDirectory directory;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final LangChain4jModelFactory factory;
    private final Retries retries;
    private final Fallbacks fallbacks;
    private final BlockingChat blocking;
    private final StreamingChat streaming;
    private final EmbeddingCalls embeddings;
    private final InferenceCalls inference;

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
            @ConfigProperty(name = "LLM_RATE_LIMIT_MAX_WAIT_MS", defaultValue = "500") long rateLimitMaxWaitMillis,
            @ConfigProperty(name = "LLMADMIN_DATA_DIR") Optional<String> dataDirectory,
            @ContainerExecutor ScheduledExecutorService managedScheduler,
            Resilience4jModelCooldowns cooldowns) {
        this(
                new Settings(
                        Duration.ofSeconds(timeoutSeconds),
                        RetryPolicy.of(
                                retries,
                                Duration.ofMillis(baseDelayMillis),
                                Duration.ofMillis(maxDelayMillis),
                                Duration.ofMillis(rateLimitMaxWaitMillis)),
                        inferenceServiceUrl,
                        dataDirectory.orElse(null)),
                directory,
                resolvable(vaults, "ApiKeyVault", "calls to providers that need a key fail as not configured")
                        .orElse(ApiKeyVault.none()),
                resolvable(guards, "CallGuard", "calls are not rate limited").orElse(CallGuard.unlimited()),
                resolvable(recorders, "CallRecorder", "usage is not recorded").orElse(CallRecorder.none()),
                Clock.systemUTC(),
                managedScheduler,
                cooldowns);
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
        this(
                settings,
                directory,
                vault,
                guard,
                recorder,
                clock,
                managedScheduler,
                Resilience4jModelCooldowns.disabled());
    }

    /** @param cooldowns which models are out of rotation after repeated failures */
    LangChain4jChatService(
            Settings settings,
            ModelDirectory directory,
            ApiKeyVault vault,
            CallGuard guard,
            CallRecorder recorder,
            Clock clock,
            ScheduledExecutorService managedScheduler,
            Resilience4jModelCooldowns cooldowns) {
        this.directory = directory;
        this.ownsScheduler = managedScheduler == null;
        this.scheduler = managedScheduler != null
                ? managedScheduler
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "llm-call-timer");
                    thread.setDaemon(true);
                    return thread;
                });
        this.factory = new LangChain4jModelFactory(settings.callTimeout(), settings.dataDirectory(), managedScheduler);
        Attempts attempts = new Attempts(vault, guard, recorder, clock);
        this.retries = new Retries(settings.retryPolicy());
        this.fallbacks = new Fallbacks(directory);
        this.blocking = new BlockingChat(attempts, factory, cooldowns, settings.callTimeout());
        this.streaming = new StreamingChat(
                attempts, factory, cooldowns, settings.retryPolicy(), scheduler, settings.callTimeout());
        this.embeddings = new EmbeddingCalls(attempts, retries, factory, settings.callTimeout());
        this.inference = new InferenceCalls(
                attempts, retries, new InferenceServiceClient(settings.inferenceServiceUrl()), settings.callTimeout());
    }

    /** For the CDI proxy only. */
    protected LangChain4jChatService() {
        this.directory = null;
        this.scheduler = null;
        this.ownsScheduler = false;
        this.factory = null;
        this.retries = null;
        this.fallbacks = null;
        this.blocking = null;
        this.streaming = null;
        this.embeddings = null;
        this.inference = null;
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

    // ---- the flows -------------------------------------------------------------------------------------------

    @Override
    public ChatResult chat(ChatCall call) {
        return chat(requireModel(call.model()), call);
    }

    @Override
    public ChatResult chat(ModelConfiguration model, ChatCall requested) {
        ChatCall call = checked(model, requested, false);
        return fallbacks.run(call, model, (candidate, candidateCall, fallbackAvailable) -> {
            try {
                return blocking.call(candidate, candidateCall, retries, fallbackAvailable);
            } catch (AdmissionRefused refused) {
                throw refused.failure();
            }
        });
    }

    /**
     * One call straight to {@code model}, for a health probe: checked and admitted like any call and recorded as usage,
     * but not retried, not sent to a fallback, and not held back by a cool-down.
     */
    ChatResult probe(ModelConfiguration model, ChatCall requested) {
        ChatCall call = checked(model, requested, false);
        try {
            return blocking.probe(model, call);
        } catch (AdmissionRefused refused) {
            throw refused.failure();
        }
    }

    @Override
    public ChatStream stream(ChatCall call, ChatStreamListener listener) {
        return stream(requireModel(call.model()), call, listener);
    }

    @Override
    public ChatStream stream(ModelConfiguration model, ChatCall requested, ChatStreamListener listener) {
        ChatCall call = checked(model, requested, true);
        return streaming.start(model, call, fallbacks.chainFor(model, call, true), listener);
    }

    @Override
    public Embeddings embed(String modelId, List<String> texts, String caller) {
        return embed(requireModel(modelId), texts, caller);
    }

    @Override
    public Embeddings embed(ModelConfiguration model, List<String> texts, String caller) {
        return embeddings.embed(model, texts, caller);
    }

    @Override
    public GeneratedImages generateImage(ImageCall call) {
        return inference.generateImage(requireModel(call.model()), call);
    }

    @Override
    public SpeechAudio speak(SpeechCall call) {
        return inference.speak(requireModel(call.model()), call);
    }

    /** The call with the model's defaults filled in, checked against the model before anything is sent. */
    private static ChatCall checked(ModelConfiguration model, ChatCall requested, boolean streamed) {
        ChatCall call = ModelDefaults.apply(requested.withModel(model.catalogId()), model);
        ChatCallChecks.check(call, model, streamed);
        return call;
    }

    private ModelConfiguration requireModel(String catalogId) {
        return directory
                .find(catalogId)
                .orElseThrow(() -> new LlmNotFoundException("No active model '" + catalogId + "'", null));
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
        return singleAttemptPerModel(
                vault, recorder, callTimeout, inferenceServiceUrl, dataDirectory, catalogId -> Optional.empty(), null);
    }

    /**
     * As {@link #singleAttempt}, but with the fallbacks {@code directory} gives: one attempt per model of the chain.
     *
     * @param scheduler the container's managed scheduled executor, or null for a private daemon scheduler
     */
    public static ChatService singleAttemptPerModel(
            ApiKeyVault vault,
            CallRecorder recorder,
            Duration callTimeout,
            String inferenceServiceUrl,
            String dataDirectory,
            ModelDirectory directory,
            ScheduledExecutorService scheduler) {
        return new LangChain4jChatService(
                new Settings(
                        callTimeout,
                        RetryPolicy.of(0, Duration.ZERO, Duration.ZERO),
                        inferenceServiceUrl,
                        dataDirectory),
                directory,
                vault,
                CallGuard.unlimited(),
                recorder,
                Clock.systemUTC(),
                scheduler);
    }
}
