package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import java.time.Duration;

/** One blocking chat attempt: start it, send the request through LangChain4j, and turn the answer into a result. */
final class BlockingChat {

    private final Attempts attempts;
    private final LangChain4jModelFactory factory;
    private final Resilience4jModelCooldowns cooldowns;
    private final Duration defaultTimeout;

    BlockingChat(
            Attempts attempts,
            LangChain4jModelFactory factory,
            Resilience4jModelCooldowns cooldowns,
            Duration defaultTimeout) {
        this.attempts = attempts;
        this.factory = factory;
        this.cooldowns = cooldowns;
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * One call to {@code model}: admitted once, then attempted until it succeeds or {@code retries} gives up; the
     * admission is settled either way.
     *
     * @throws AdmissionRefused when our limiter refuses
     */
    ChatResult call(ModelConfiguration model, ChatCall call, Retries retries, boolean fallbackAvailable) {
        if (!cooldowns.tryAcquire(model)) {
            throw coolingDown(model);
        }
        long started = System.nanoTime();
        ModelAdmission admission;
        try {
            admission = attempts.admit(model, "chat", call);
        } catch (RuntimeException notSent) {
            cooldowns.released(model);
            throw notSent;
        }
        try {
            ChatCall sent = Attempts.capped(call, admission);
            ChatResult result = retries.run(() -> once(admission, sent), fallbackAvailable);
            cooldowns.succeeded(model, Duration.ofNanos(System.nanoTime() - started));
            return result.withRateLimits(admission.headroom());
        } catch (LlmException failure) {
            cooldowns.failed(model, Duration.ofNanos(System.nanoTime() - started), failure);
            throw failure;
        } catch (RuntimeException unexpected) {
            cooldowns.released(model);
            throw unexpected;
        } finally {
            admission.release();
        }
    }

    /** One attempt at {@code model}, admitted and settled, with no retry and no cool-down check: a health probe. */
    ChatResult probe(ModelConfiguration model, ChatCall call) {
        ModelAdmission admission = attempts.admit(model, "chat", call);
        try {
            return once(admission, call);
        } finally {
            admission.release();
        }
    }

    /** What a call to a model out of rotation fails with: unavailable, so that its fallbacks take it. */
    static LlmUnavailableException coolingDown(ModelConfiguration model) {
        return new LlmUnavailableException(
                "Model '" + model.catalogId() + "' is out of rotation for a cool-down after repeated failures", null);
    }

    private ChatResult once(ModelAdmission admission, ChatCall call) {
        ModelConfiguration model = admission.model();
        Attempt attempt = admission.attempt(call.timeoutIfSet().orElse(defaultTimeout));
        try {
            boolean severalChoices = call.options().choiceCount() > 1;
            ChatModel chatModel = severalChoices
                    ? factory.severalChoicesChatModel(model, attempt.key())
                    : factory.chatModel(model, attempt.key());
            ChatResponse response = attempt.context().run(() -> chatModel.chat(Conversions.toRequest(call, model)));
            ChatResult result = toResult(model, response);
            if (OpenAiLogprobs.asked(call)) {
                result = OpenAiLogprobs.addTo(result, response);
            }
            if (severalChoices) {
                result = OpenAiChoices.addTo(result, response);
            }
            attempt.answered(result);
            return result;
        } catch (RuntimeException e) {
            throw attempt.fail(e);
        }
    }

    /** The answer with the model's reasoning kept apart from the response, as a stream would have split it. */
    static ChatResult toResult(ModelConfiguration model, ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        String thinking =
                response.aiMessage() == null ? null : response.aiMessage().thinking();
        StreamDelta output = split(text, thinking);
        return new ChatResult(
                model.catalogId(),
                output.response(),
                output.reasoning(),
                Conversions.toolCalls(response),
                Conversions.usage(response.tokenUsage()),
                Conversions.finishReason(response));
    }

    /** An answer's text and native reasoning as the response and the reasoning (a leading think block split off). */
    static StreamDelta split(String text, String thinking) {
        ReasoningStreamParser parser = new ReasoningStreamParser();
        parser.addChunk("", thinking);
        parser.addChunk(text, "");
        parser.finish();
        return parser.output();
    }
}
