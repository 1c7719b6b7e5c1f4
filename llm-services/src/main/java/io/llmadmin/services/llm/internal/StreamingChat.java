package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChatStreamListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts streaming chats: each is a {@link ChatStreamRun} (the state machine across retries and fallbacks) whose
 * attempts are {@link StreamAttempt}s. Retries and fallbacks run on {@code scheduler}, never on the caller's thread.
 */
final class StreamingChat {

    private final Attempts attempts;
    private final LangChain4jModelFactory factory;
    private final Resilience4jModelCooldowns cooldowns;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration defaultTimeout;

    StreamingChat(
            Attempts attempts,
            LangChain4jModelFactory factory,
            Resilience4jModelCooldowns cooldowns,
            RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler,
            Duration defaultTimeout) {
        this.attempts = attempts;
        this.factory = factory;
        this.cooldowns = cooldowns;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * Starts the first attempt; its outcome, and every later one, reaches {@code listener}.
     *
     * @param fallbacks the models to go on with, in order, resolved on the caller's thread
     */
    ChatStream start(
            ModelConfiguration model, ChatCall call, List<ModelConfiguration> fallbacks, ChatStreamListener listener) {
        ChatStreamRun run = new ChatStreamRun(this, call, model, fallbacks, listener);
        run.startAttempt();
        return run;
    }

    Attempts attempts() {
        return attempts;
    }

    LangChain4jModelFactory factory() {
        return factory;
    }

    Resilience4jModelCooldowns cooldowns() {
        return cooldowns;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Duration timeoutOf(ChatCall call) {
        return call.timeoutIfSet().orElse(defaultTimeout);
    }
}
