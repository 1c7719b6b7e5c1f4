package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChatStreamListener;
import io.llmadmin.services.llm.ChoiceDelta;
import io.llmadmin.services.llm.ToolCallFragment;
import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One streaming call across its attempts: retries (only before the first chunk), then fallbacks, then the end. Every
 * event is handled under this object's lock, and the events of an attempt that was replaced, ended or cancelled are
 * dropped, so the listener sees one consistent stream whatever the attempts did.
 *
 * <p>It sits at the ~400-line guide because the attempt state (admission, cool-down hold, retry, fallback) must change
 * under that one lock; the pieces without state already live apart ({@link StreamAttempt}, {@link StreamedChoices}).
 */
final class ChatStreamRun implements ChatStream {

    private static final Logger LOG = Logger.getLogger(ChatStreamRun.class.getName());

    private final StreamingChat streaming;
    private final ChatStreamListener listener;
    private final ReasoningStreamParser parser = new ReasoningStreamParser();
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private final Deque<ModelConfiguration> fallbacks;
    /** The further choices of a call for several ({@code n}), from the current attempt's chunks. */
    private StreamedChoices otherChoices = new StreamedChoices();

    private ModelConfiguration model;
    private ChatCall call;
    private ModelAdmission admission;
    /** What the serving model's limits had left at its admission. */
    private RateLimitHeadroom rateLimits = RateLimitHeadroom.NONE;
    /** Whether the cool-downs let the current model be called and still wait for the outcome. */
    private boolean cooldownHeld;

    private long modelStarted;
    private int retries;
    private StreamAttempt current;
    private boolean started;
    private boolean done;
    private boolean cancelled;

    ChatStreamRun(
            StreamingChat streaming,
            ChatCall call,
            ModelConfiguration model,
            List<ModelConfiguration> fallbacks,
            ChatStreamListener listener) {
        this.streaming = streaming;
        this.call = call;
        this.model = model;
        this.fallbacks = new ArrayDeque<>(fallbacks);
        this.listener = listener;
    }

    synchronized void startAttempt() {
        if (done) {
            return;
        }
        Duration timeout = streaming.timeoutOf(call);
        if (admission == null) {
            if (!streaming.cooldowns().tryAcquire(model)) {
                failed(BlockingChat.coolingDown(model), false);
                return;
            }
            cooldownHeld = true;
            modelStarted = System.nanoTime();
            try {
                admission = streaming.attempts().admit(model, "stream", call);
                rateLimits = admission.headroom();
            } catch (AdmissionRefused refused) {
                releaseCooldown();
                failed(refused.failure(), false);
                return;
            } catch (LlmException notConfigured) {
                releaseCooldown();
                failed(notConfigured, false);
                return;
            }
        }
        ChatCall sent = Attempts.capped(call, admission);
        StreamAttempt attempt;
        try {
            attempt = new StreamAttempt(this, admission.attempt(timeout), streaming.scheduler());
        } catch (LlmException noKey) {
            failed(noKey, false);
            return;
        }
        current = attempt;
        attempt.watch(timeout);
        Attempt upstream = attempt.attempt();
        if (call.options().choiceCount() > 1 || OpenAiLogprobs.asked(call)) {
            otherChoices = new StreamedChoices();
            upstream.context().observeChunks(new OpenAiStreamChunks.Observer() {
                @Override
                public void firstChoiceLogprobs(JsonNode logprobs) {
                    ChatStreamRun.this.firstChoiceLogprobs(attempt, logprobs);
                }

                @Override
                public void otherChoice(JsonNode choice) {
                    ChatStreamRun.this.otherChoice(attempt, choice);
                }
            });
        }
        try {
            upstream.context().run(() -> {
                streaming
                        .factory()
                        .streamingChatModel(model, upstream.key())
                        .chat(Conversions.toRequest(sent, model), attempt);
                return null;
            });
        } catch (RuntimeException e) {
            attempt.onError(e);
        }
    }

    private boolean isStale(StreamAttempt from) {
        return from != current || done || from.attempt().isEnded();
    }

    synchronized void timedOut(StreamAttempt from, Duration timeout) {
        if (isStale(from)) {
            return;
        }
        LlmTimeoutException failure = new LlmTimeoutException(
                "Provider '" + model.provider() + "' sent nothing for " + timeout.toMillis() + " ms", null);
        from.attempt().end(CallOutcome.FAILED, failure, Optional.empty());
        from.attempt().context().cancel();
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

    /** A piece of a tool call: it starts the answer (no retry or fallback after it), as a text chunk does. */
    synchronized void toolCallFragment(StreamAttempt from, ToolCallFragment fragment) {
        if (isStale(from)) {
            return;
        }
        from.touch();
        started = true;
        if (cancelled) {
            return;
        }
        try {
            listener.onToolCallFragment(fragment);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The stream's consumer failed; cancelling the upstream request", e);
            cancel();
        }
    }

    /** Choice 0's log probabilities of a chunk, passed on just before the chunk's text. */
    synchronized void firstChoiceLogprobs(StreamAttempt from, JsonNode logprobs) {
        if (isStale(from) || cancelled) {
            return;
        }
        from.touch();
        started = true;
        try {
            listener.onLogprobs(logprobs.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The stream's consumer failed; cancelling the upstream request", e);
            cancel();
        }
    }

    /** A chunk's entry for a further choice: it starts the answer, as a text chunk does. */
    synchronized void otherChoice(StreamAttempt from, JsonNode choice) {
        if (isStale(from)) {
            return;
        }
        from.touch();
        started = true;
        emitOther(otherChoices.add(choice));
    }

    private void emitOther(ChoiceDelta delta) {
        if (cancelled || delta.isEmpty()) {
            return;
        }
        try {
            listener.onChoiceDelta(delta);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The stream's consumer failed; cancelling the upstream request", e);
            cancel();
        }
    }

    synchronized void completed(StreamAttempt from, ChatResponse response) {
        if (isStale(from)) {
            return;
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
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
        answer = answer.withRateLimits(rateLimits);
        if (OpenAiLogprobs.asked(call)) {
            answer = OpenAiLogprobs.addTo(answer, response);
        }
        otherChoices.finish().forEach(this::emitOther);
        List<ChatResult> others = otherChoices.results(model.catalogId());
        if (!others.isEmpty()) {
            answer = answer.withOtherChoices(others);
        }
        from.stopWatching();
        from.attempt().answered(answer);
        releaseAdmission();
        if (cooldownHeld) {
            cooldownHeld = false;
            streaming.cooldowns().succeeded(model, Duration.ofNanos(System.nanoTime() - modelStarted));
        }
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
        from.stopWatching();
        failed(from.attempt().fail(error), true);
    }

    /** After a failed attempt: retry, fall back, or give up. */
    private void failed(LlmException failure, boolean mayRetry) {
        if (started) {
            countFailure(failure);
            finishWith(failure);
            return;
        }
        Optional<Duration> delay = mayRetry
                ? streaming.retryPolicy().delayBefore(++retries, failure, !fallbacks.isEmpty())
                : Optional.empty();
        if (delay.isPresent()) {
            LOG.info(() -> "Model '" + model.catalogId() + "' failed ("
                    + failure.getClass().getSimpleName() + "); retry " + retries + " in "
                    + delay.get().toMillis() + " ms");
            streaming.scheduler().schedule(this::startAttempt, delay.get().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        releaseAdmission();
        countFailure(failure);
        Optional<ModelConfiguration> next = Fallbacks.next(fallbacks, model, failure);
        if (next.isPresent()) {
            model = next.get();
            call = ModelDefaults.apply(call.withModel(model.catalogId()), model);
            retries = 0;
            streaming.scheduler().execute(this::startAttempt);
            return;
        }
        finishWith(failure);
    }

    /** The current model failed for good: the cool-downs count it (when they let the call through). */
    private void countFailure(LlmException failure) {
        if (cooldownHeld) {
            cooldownHeld = false;
            streaming.cooldowns().failed(model, Duration.ofNanos(System.nanoTime() - modelStarted), failure);
        }
    }

    /** The call never reached the current model, or was cancelled: nothing for the cool-downs to count. */
    private void releaseCooldown() {
        if (cooldownHeld) {
            cooldownHeld = false;
            streaming.cooldowns().released(model);
        }
    }

    /** The call is done with the current model: its rate-limit permit is settled with the last attempt. */
    private void releaseAdmission() {
        if (admission != null) {
            admission.release();
            admission = null;
        }
    }

    private void finishWith(LlmException failure) {
        releaseAdmission();
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
            current.attempt().context().cancel();
            current.attempt().end(CallOutcome.CANCELLED, null, Optional.empty());
        }
        releaseAdmission();
        releaseCooldown();
        result.cancel(false);
    }

    /** The model serving the stream: the one called last (a fallback is only ever taken before the first token). */
    @Override
    public synchronized String model() {
        return model.catalogId();
    }

    @Override
    public synchronized RateLimitHeadroom rateLimits() {
        return rateLimits;
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
