package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ChatStreamListener;
import io.llmadmin.services.llm.ChoiceDelta;
import io.llmadmin.services.llm.ToolCallFragment;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A streaming chat call's events handed from the chat service's listener to the request's thread, which writes them
 * in its endpoint's format (chat completion chunks, Responses API events).
 */
final class UpstreamEvents {

    /** A backstop only: the chat service's own timeout ends a silent upstream much sooner. */
    static final Duration LONGEST_SILENCE = Duration.ofMinutes(15);

    private UpstreamEvents() {}

    /** The next event, or a timeout failure (the upstream call cancelled) after the longest silence. */
    static Event next(BlockingQueue<Event> events, ChatStream upstream) {
        try {
            Event event = events.poll(LONGEST_SILENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                return event;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        upstream.cancel();
        return new Failed(
                new io.llmadmin.services.errors.LlmTimeoutException("The model stopped answering", null),
                new ChatResult(null, null, null, null, null, null));
    }

    /**
     * A stream that ended without saying why (no finish reason, no tool call): the provider's stream was cut off
     * before its terminator, and what arrived may be only part of the answer.
     */
    static boolean isCutOff(ChatResult result) {
        return result.finishReason().isEmpty() && result.toolCalls().isEmpty();
    }

    static LlmException cutOff() {
        return new io.llmadmin.services.errors.LlmUnavailableException(
                "The provider's stream ended before the answer was finished", null);
    }

    /** What the listener hands over to the request's thread. */
    sealed interface Event permits Delta, Reasoning, ToolCallPiece, Logprobs, OtherChoice, Done, Failed {}

    record Delta(String text) implements Event {}

    record Reasoning(String text) implements Event {}

    record ToolCallPiece(ToolCallFragment fragment) implements Event {}

    /** The log probabilities of choice 0's next piece of text (OpenAI's {@code logprobs} object as JSON text). */
    record Logprobs(String json) implements Event {}

    /** A piece of a further choice of a call that asked for several. */
    record OtherChoice(ChoiceDelta delta) implements Event {}

    record Done(ChatResult result) implements Event {}

    record Failed(LlmException failure, ChatResult partial) implements Event {}

    record QueueingListener(BlockingQueue<Event> events) implements ChatStreamListener {
        @Override
        public void onResponse(String delta) {
            if (delta != null && !delta.isEmpty()) {
                events.add(new Delta(delta));
            }
        }

        @Override
        public void onReasoning(String delta) {
            if (delta != null && !delta.isEmpty()) {
                events.add(new Reasoning(delta));
            }
        }

        @Override
        public void onToolCallFragment(ToolCallFragment fragment) {
            events.add(new ToolCallPiece(fragment));
        }

        @Override
        public void onLogprobs(String logprobsJson) {
            events.add(new Logprobs(logprobsJson));
        }

        @Override
        public void onChoiceDelta(ChoiceDelta delta) {
            events.add(new OtherChoice(delta));
        }

        @Override
        public void onComplete(ChatResult result) {
            events.add(new Done(result));
        }

        @Override
        public void onError(LlmException failure, ChatResult partialOutput) {
            events.add(new Failed(
                    failure,
                    partialOutput == null ? new ChatResult(null, null, null, null, null, null) : partialOutput));
        }
    }
}
