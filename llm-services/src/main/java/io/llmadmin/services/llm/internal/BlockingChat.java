package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.response.ChatResponse;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import java.time.Duration;

/** One blocking chat attempt: start it, send the request through LangChain4j, and turn the answer into a result. */
final class BlockingChat {

    private final Attempts attempts;
    private final LangChain4jModelFactory factory;
    private final Duration defaultTimeout;

    BlockingChat(Attempts attempts, LangChain4jModelFactory factory, Duration defaultTimeout) {
        this.attempts = attempts;
        this.factory = factory;
        this.defaultTimeout = defaultTimeout;
    }

    ChatResult once(ModelConfiguration model, ChatCall call) {
        Attempt attempt = attempts.begin(
                model,
                "chat",
                call.caller(),
                call.promptText(),
                call.maxTokens() == null ? 0 : call.maxTokens(),
                call.timeoutIfSet().orElse(defaultTimeout));
        try {
            ChatResponse response = attempt.context()
                    .run(() -> factory.chatModel(model, attempt.key()).chat(Conversions.toRequest(call)));
            ChatResult result = toResult(model, response);
            attempt.end(CallOutcome.SUCCEEDED, null, result.usage());
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
}
