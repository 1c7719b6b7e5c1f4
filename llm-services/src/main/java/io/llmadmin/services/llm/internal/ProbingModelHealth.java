package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.llm.ModelHealth;
import io.llmadmin.services.llm.ModelHealthView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes models with one tiny call each ("ping", at most one output token; a one-word embedding), straight to the
 * model through {@link LangChain4jChatService#probe}: admitted by the model's limits and recorded as usage like any
 * call, but with no retry, no fallback and no cool-down in the way, since the point is to ask this model. The last
 * result per model is kept in memory, and in Redis for every instance when {@code REDIS_URL} is set
 * ({@link SharedModelState}).
 */
@ApplicationScoped
public class ProbingModelHealth implements ModelHealth {

    static final String CALLER = "health-probe";

    private final ModelDirectory directory;
    private final LangChain4jChatService chat;
    private final Clock clock;
    private final SharedModelState shared;
    private final Map<String, ModelHealthView> last = new ConcurrentHashMap<>();

    @Inject
    public ProbingModelHealth(ModelDirectory directory, LangChain4jChatService chat, SharedModelState shared) {
        this(directory, chat, Clock.systemUTC(), shared);
    }

    /** Probes kept by this instance only. */
    ProbingModelHealth(ModelDirectory directory, LangChain4jChatService chat) {
        this(directory, chat, Clock.systemUTC(), SharedModelState.inProcess());
    }

    private ProbingModelHealth(
            ModelDirectory directory, LangChain4jChatService chat, Clock clock, SharedModelState shared) {
        this.directory = directory;
        this.chat = chat;
        this.clock = clock;
        this.shared = shared;
    }

    /** For the CDI proxy only. */
    protected ProbingModelHealth() {
        this(null, null, null, null);
    }

    @Override
    public ModelHealthView probe(String catalogId) {
        ModelConfiguration model = directory
                .find(catalogId)
                .orElseThrow(() -> new LlmNotFoundException("No active model '" + catalogId + "'", null));
        if (model.type() != ModelType.CHAT && model.type() != ModelType.EMBEDDING) {
            throw new InvalidLlmRequestException(
                    "model",
                    "model '" + catalogId + "' is a " + model.type().apiName()
                            + " model; only chat and embedding models are probed");
        }
        long started = System.nanoTime();
        ModelHealthView result;
        try {
            if (model.type() == ModelType.CHAT) {
                chat.probe(
                        model,
                        ChatCall.builder(catalogId)
                                .message(ChatMessage.user("ping"))
                                .maxTokens(1)
                                .caller(CALLER)
                                .build());
            } else {
                chat.embed(model, List.of("ping"), CALLER);
            }
            result = new ModelHealthView(catalogId, "UP", millisSince(started), null, clock.instant());
        } catch (LlmException failure) {
            result = new ModelHealthView(
                    catalogId,
                    "DOWN",
                    millisSince(started),
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                    clock.instant());
        }
        last.put(catalogId, result);
        shared.probed(result);
        return result;
    }

    @Override
    public List<ModelHealthView> lastProbes() {
        return shared.probes()
                .orElseGet(() -> last.values().stream()
                        .sorted(Comparator.comparing(ModelHealthView::modelId))
                        .toList());
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
