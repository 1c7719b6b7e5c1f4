package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.llmadmin.services.llm.ToolCallFragment;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's handler for one attempt of a stream, with its silence watchdog. It only forwards: the
 * {@link ChatStreamRun} decides, and drops the events of an attempt it has abandoned.
 */
final class StreamAttempt implements StreamingChatResponseHandler {

    private final ChatStreamRun run;
    private final Attempt attempt;
    private final ScheduledExecutorService scheduler;
    private volatile long lastActivity = System.nanoTime();
    private volatile ScheduledFuture<?> watchdog;

    StreamAttempt(ChatStreamRun run, Attempt attempt, ScheduledExecutorService scheduler) {
        this.run = run;
        this.attempt = attempt;
        this.scheduler = scheduler;
    }

    Attempt attempt() {
        return attempt;
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

    void stopWatching() {
        ScheduledFuture<?> timer = watchdog;
        if (timer != null) {
            timer.cancel(false);
        }
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
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        run.toolCallFragment(
                this,
                new ToolCallFragment(
                        partialToolCall.index(),
                        partialToolCall.id(),
                        partialToolCall.name(),
                        partialToolCall.partialArguments()));
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        run.completed(this, completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        run.errored(this, error);
    }
}
