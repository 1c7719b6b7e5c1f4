package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChatStreamListener;
import io.llmadmin.services.tokens.TokenEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The legacy {@code LiteLLMChatWrapper}, as {@link Models#getChatModel} builds it: a provider, a model name, the
 * legacy config (for rate limiting) and the kwargs, with the key chosen when it was built. Calls go to the services'
 * {@link ChatService} on a configuration held in memory. Immutable and thread-safe; {@link #toString()} never shows
 * the key.
 *
 * @deprecated Use {@link ChatService#stream(ChatCall, ChatStreamListener)} with a registry model instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatService")
public final class LiteLLMChatWrapper {

    private static final Logger LOG = Logger.getLogger(LiteLLMChatWrapper.class.getName());

    private final LegacyServices services;
    private final String provider;
    private final String modelName;
    private final ModelConfig modelConfig;
    private final Map<String, Object> kwargs;
    private final String apiKey;
    private final String builtBy;

    LiteLLMChatWrapper(
            LegacyServices services,
            String provider,
            String modelName,
            ModelConfig modelConfig,
            Map<String, Object> kwargs,
            String apiKey,
            String builtBy) {
        this.services = services;
        this.provider = provider;
        this.modelName = modelName;
        this.modelConfig = modelConfig;
        this.kwargs = Map.copyOf(withoutNullValues(kwargs));
        this.apiKey = apiKey;
        this.builtBy = builtBy;
    }

    private static Map<String, Object> withoutNullValues(Map<String, Object> kwargs) {
        Map<String, Object> copy = new LinkedHashMap<>();
        kwargs.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /**
     * The provider, lower-cased.
     *
     * @deprecated Use {@link ModelConfiguration#provider()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public String provider() {
        return provider;
    }

    /**
     * The provider's model name.
     *
     * @deprecated Use {@link ModelConfiguration#providerModelName()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public String modelName() {
        return modelName;
    }

    /**
     * The kwargs every call sends (without the key); immutable.
     *
     * @deprecated Use the registry model's extra arguments instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public Map<String, Object> kwargs() {
        return kwargs;
    }

    /**
     * The legacy config ({@code a0_model_conf}), or null.
     *
     * @deprecated Use {@link ModelConfiguration} from the registry instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ModelConfig modelConfig() {
        return modelConfig;
    }

    /**
     * {@code await unified_call(...)}, blocking: builds the conversation from a copy of {@code messages} (the caller's
     * list is never changed) with {@code systemMessage} first and {@code userMessage} last when non-empty; rate-limits
     * once; streams; for each non-empty reasoning delta calls {@code reasoningCallback(delta, reasoningSoFar)} and
     * {@code tokensCallback(delta, approximateTokens(delta))}, then the same for the response delta with
     * {@code responseCallback(delta, responseSoFar)}, recording the delta's tokens as output in the model's limiter.
     * Callbacks run one at a time, on the stream's thread.
     *
     * <p>Retries ({@code a0_retry_attempts}, default 2, after {@code a0_retry_delay_seconds}, default 1.5; neither is
     * sent upstream) only for transient failures (HTTP 408, 429, 5xx, timeouts, connection errors) and only before the
     * first chunk. Kwargs of this call override the wrapper's.
     *
     * <p>When the provider, name and API base are those of an active registry model, each attempt calls that model as
     * the registry configures it (its parameter ranges and capabilities are checked) and, when it fails before the
     * first chunk in a way that warrants it, that model's fallbacks in turn, each once, with the vault's key for its
     * endpoint (the wrapper's key goes only to the model it was built for). Usage records every model's attempt.
     *
     * @param messages the conversation so far; may be null
     * @param responseCallback may be null
     * @param reasoningCallback may be null
     * @param tokensCallback may be null
     * @param rateLimiterCallback asked while a limit is exceeded (see {@link SlidingWindowLimiter.Callback}); may be null
     * @param kwargs this call's kwargs; may be null
     * @return {@code (response, reasoning)}
     * @throws PartialResponseError when the stream failed after output started (the partial result attached)
     * @throws LlmException when it failed before, at once for HTTP 400, 401 and 404
     * @throws LLMNotConfiguredError when the model cannot be called as configured
     * @deprecated Use {@link ChatService#stream(ChatCall, ChatStreamListener)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ResponseAndReasoning unifiedCall(
            String systemMessage,
            String userMessage,
            List<ChatMessage> messages,
            BiConsumer<String, String> responseCallback,
            BiConsumer<String, String> reasoningCallback,
            BiConsumer<String, Integer> tokensCallback,
            SlidingWindowLimiter.Callback rateLimiterCallback,
            Map<String, Object> kwargs) {
        String caller = LegacyCalls.count("LiteLLMChatWrapper.unified_call");
        Models.quietClientLoggers();

        List<ChatMessage> conversation = new ArrayList<>(messages == null ? List.of() : messages);
        if (systemMessage != null && !systemMessage.isEmpty()) {
            conversation.add(0, ChatMessage.system(systemMessage));
        }
        if (userMessage != null && !userMessage.isEmpty()) {
            conversation.add(ChatMessage.user(userMessage));
        }

        Map<String, Object> callKwargs = new LinkedHashMap<>(this.kwargs);
        if (kwargs != null) {
            callKwargs.putAll(kwargs);
        }
        int retries = LegacyKwargs.retryAttempts(callKwargs);
        Duration retryDelay = LegacyKwargs.retryDelay(callKwargs);
        callKwargs.remove(LegacyKwargs.RETRY_ATTEMPTS);
        callKwargs.remove(LegacyKwargs.RETRY_DELAY_SECONDS);
        String explicitKey = LegacyKwargs.text(callKwargs, LegacyKwargs.API_KEY);
        String key = explicitKey != null ? explicitKey : apiKey;
        callKwargs.remove(LegacyKwargs.API_KEY);

        ModelConfiguration model = services.registryChatModel(provider, modelName, LegacyKwargs.apiBase(callKwargs))
                .orElseGet(() -> LegacyKwargs.model(
                        io.llmadmin.domain.model.ModelType.CHAT, provider, modelName, modelConfig, callKwargs));
        ChatCall call = LegacyKwargs.chatCall(model.catalogId(), conversation, callKwargs, "legacy:" + caller);

        SlidingWindowLimiter limiter = Models.rateLimit(modelConfig, limiterText(conversation), rateLimiterCallback);
        Callbacks callbacks = new Callbacks(responseCallback, reasoningCallback, tokensCallback, limiter);

        for (int attempt = 0; ; attempt++) {
            Outcome outcome = streamOnce(model, call, key, callbacks);
            if (outcome.result != null) {
                return outcome.result;
            }
            LlmException failure = outcome.failure;
            if (failure instanceof LlmNotConfiguredException notConfigured) {
                throw new LLMNotConfiguredError(notConfigured);
            }
            if (outcome.started) {
                throw new PartialResponseError(failure, outcome.partial);
            }
            if (!failure.retriable() || attempt >= retries) {
                throw failure;
            }
            int retry = attempt + 1;
            LOG.info(() -> "Legacy unified_call to " + provider + "/" + modelName + " failed before its first chunk ("
                    + failure.getClass().getSimpleName() + "); retry " + retry + " of " + retries + " in "
                    + retryDelay.toMillis() + " ms");
            sleep(retryDelay, failure);
        }
    }

    /** One upstream attempt, waited for on this thread. */
    private Outcome streamOnce(ModelConfiguration model, ChatCall call, String key, Callbacks callbacks) {
        Attempt listener = new Attempt(callbacks);
        ChatService chat = services.chat();
        ChatStream stream;
        try {
            stream = services.keys().withKey(model.catalogId(), key, () -> chat.stream(model, call, listener));
        } catch (LlmException failure) {
            return Outcome.failed(failure, false, null);
        }
        try {
            ChatResult result = stream.result().toCompletableFuture().get();
            return Outcome.succeeded(new ResponseAndReasoning(result.response(), result.reasoning()));
        } catch (InterruptedException e) {
            stream.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for " + provider + "/" + modelName);
        } catch (CancellationException e) {
            throw listener.callbackFailure != null ? listener.callbackFailure : e;
        } catch (ExecutionException e) {
            if (listener.callbackFailure != null) {
                throw listener.callbackFailure;
            }
            if (e.getCause() instanceof LlmException failure) {
                ChatResult partial = listener.partialOutput;
                ResponseAndReasoning partialResult = partial == null
                        ? listener.soFar()
                        : new ResponseAndReasoning(partial.response(), partial.reasoning());
                boolean started = listener.started
                        || !partialResult.response().isEmpty()
                        || !partialResult.reasoning().isEmpty();
                return Outcome.failed(failure, started, partialResult);
            }
            throw new IllegalStateException("The chat stream failed unexpectedly", e.getCause());
        }
    }

    private void sleep(Duration delay, LlmException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** What the legacy module rate-limited on: Python's {@code str()} of the converted messages. */
    private static String limiterText(List<ChatMessage> conversation) {
        StringBuilder text = new StringBuilder("[");
        for (ChatMessage message : conversation) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append("{'role': '")
                    .append(message.role().wireName())
                    .append("', 'content': '")
                    .append(message.text())
                    .append("'}");
        }
        return text.append(']').toString();
    }

    /** Provider and model only: the key never shows. */
    @Override
    public String toString() {
        return "LiteLLMChatWrapper[" + provider + "/" + modelName + ", built by " + builtBy + "]";
    }

    private record Callbacks(
            BiConsumer<String, String> response,
            BiConsumer<String, String> reasoning,
            BiConsumer<String, Integer> tokens,
            SlidingWindowLimiter limiter) {}

    private record Outcome(
            ResponseAndReasoning result, LlmException failure, boolean started, ResponseAndReasoning partial) {
        static Outcome succeeded(ResponseAndReasoning result) {
            return new Outcome(result, null, false, null);
        }

        static Outcome failed(LlmException failure, boolean started, ResponseAndReasoning partial) {
            return new Outcome(null, failure, started, partial);
        }
    }

    /** The listener of one attempt: calls the legacy callbacks in the legacy order, remembers a callback's failure. */
    private static final class Attempt implements ChatStreamListener {
        private final Callbacks callbacks;
        private final StringBuilder response = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private volatile boolean started;
        private volatile RuntimeException callbackFailure;
        private volatile ChatResult partialOutput;

        Attempt(Callbacks callbacks) {
            this.callbacks = callbacks;
        }

        @Override
        public void onReasoning(String delta) {
            started = true;
            reasoning.append(delta);
            deliver(callbacks.reasoning(), delta, reasoning.toString());
        }

        @Override
        public void onResponse(String delta) {
            started = true;
            response.append(delta);
            deliver(callbacks.response(), delta, response.toString());
        }

        private void deliver(BiConsumer<String, String> callback, String delta, String soFar) {
            try {
                if (callback != null) {
                    callback.accept(delta, soFar);
                }
                int tokens = TokenEstimator.approximateTokens(delta);
                if (callbacks.tokens() != null) {
                    callbacks.tokens().accept(delta, tokens);
                }
                if (callbacks.limiter() != null) {
                    callbacks.limiter().add(SlidingWindowLimiter.OUTPUT, tokens);
                }
            } catch (RuntimeException e) {
                callbackFailure = e;
                throw e; // the service cancels the stream
            }
        }

        @Override
        public void onComplete(ChatResult result) {
            // the result arrives through the stream's future
        }

        @Override
        public void onError(LlmException failure, ChatResult partialOutput) {
            this.partialOutput = partialOutput;
        }

        synchronized ResponseAndReasoning soFar() {
            return new ResponseAndReasoning(response.toString(), reasoning.toString());
        }
    }
}
