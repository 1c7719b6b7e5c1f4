package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chat call: which model, the conversation, and the optional sampling parameters. Parameters left unset take the
 * model's or provider's defaults. Build with {@link #builder(String)}.
 *
 * @param model the catalog id of the model to call
 * @param messages the conversation, oldest first; at least one message
 * @param temperature 0 to 2, or null
 * @param topP 0 to 1, or null
 * @param maxTokens the most output tokens, at least 1 and at most the model's context length, or null
 * @param jsonOutput whether the answer must be a JSON object
 * @param tools the tools the model may call
 * @param timeout how long one upstream attempt may take, or null for the service's default
 * @param caller who is calling (a user, an API client), for usage records; may be null
 * @param options the less common parameters (tool choice, stop, seed, structured output, ...); never null
 */
public record ChatCall(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        boolean jsonOutput,
        List<ToolSpec> tools,
        Duration timeout,
        String caller,
        ChatOptions options) {

    public ChatCall {
        if (model == null || model.isBlank()) {
            throw new InvalidLlmRequestException("model", "model must name a catalog id");
        }
        messages = List.copyOf(messages == null ? List.of() : messages);
        if (messages.isEmpty()) {
            throw new InvalidLlmRequestException("messages", "messages must hold at least one message");
        }
        tools = List.copyOf(tools == null ? List.of() : tools);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidLlmRequestException("timeout", "timeout must be positive");
        }
        options = options == null ? ChatOptions.NONE : options;
    }

    /** A call with no {@link ChatOptions}. */
    public ChatCall(
            String model,
            List<ChatMessage> messages,
            Double temperature,
            Double topP,
            Integer maxTokens,
            boolean jsonOutput,
            List<ToolSpec> tools,
            Duration timeout,
            String caller) {
        this(model, messages, temperature, topP, maxTokens, jsonOutput, tools, timeout, caller, ChatOptions.NONE);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public Optional<Duration> timeoutIfSet() {
        return Optional.ofNullable(timeout);
    }

    /** The same call sent to another model (a fallback). */
    public ChatCall withModel(String otherModel) {
        return new ChatCall(
                otherModel, messages, temperature, topP, maxTokens, jsonOutput, tools, timeout, caller, options);
    }

    /** The same call with at most this many output tokens (what a rate limit reserved for it). */
    public ChatCall withMaxTokens(int most) {
        return new ChatCall(model, messages, temperature, topP, most, jsonOutput, tools, timeout, caller, options);
    }

    /** Every message's text, in order: what the input-token estimate counts. */
    public String promptText() {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            text.append(message.text()).append('\n');
        }
        return text.toString();
    }

    /** Each message's text, in order: what the rate limiter's input estimate counts, with the chat format's framing. */
    public List<String> messageTexts() {
        return messages.stream().map(ChatMessage::text).toList();
    }

    /** Sizes only: a conversation may be long and private. */
    @Override
    public String toString() {
        return "ChatCall[" + model + ", " + messages.size() + " messages, temperature=" + temperature + ", topP=" + topP
                + ", maxTokens=" + maxTokens + ", json=" + jsonOutput + ", " + tools.size() + " tools"
                + (options.isEmpty() ? "" : ", options") + "]";
    }

    /** Builds a {@link ChatCall}; every setter is optional except the messages. */
    public static final class Builder {
        private final String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<ToolSpec> tools = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private boolean jsonOutput;
        private Duration timeout;
        private String caller;
        private ChatOptions options = ChatOptions.NONE;

        private Builder(String model) {
            this.model = model;
        }

        public Builder message(ChatMessage message) {
            messages.add(message);
            return this;
        }

        public Builder messages(List<ChatMessage> more) {
            messages.addAll(more);
            return this;
        }

        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        public Builder topP(Double value) {
            this.topP = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        public Builder jsonOutput(boolean value) {
            this.jsonOutput = value;
            return this;
        }

        public Builder tool(ToolSpec tool) {
            tools.add(tool);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder caller(String value) {
            this.caller = value;
            return this;
        }

        public Builder tools(List<ToolSpec> more) {
            tools.addAll(more);
            return this;
        }

        public Builder options(ChatOptions value) {
            this.options = value;
            return this;
        }

        public ChatCall build() {
            return new ChatCall(
                    model, messages, temperature, topP, maxTokens, jsonOutput, tools, timeout, caller, options);
        }
    }
}
