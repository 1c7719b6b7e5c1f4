package io.llmadmin.services.llm.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Our value types to LangChain4j's and back; nothing of LangChain4j leaves this package. */
final class Conversions {

    private Conversions() {}

    /** The LangChain4j request of a (checked) call to {@code model}, with the options its provider takes. */
    static ChatRequest toRequest(ChatCall call, ModelConfiguration model) {
        return ChatRequest.builder()
                .messages(call.messages().stream().map(Conversions::toMessage).toList())
                .parameters(ChatOptionsMapping.parameters(call, LangChain4jModelFactory.routeOf(model)))
                .build();
    }

    private static dev.langchain4j.data.message.ChatMessage toMessage(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> {
                if (message.imageUrls().isEmpty()) {
                    yield UserMessage.from(message.text());
                }
                List<Content> contents = new ArrayList<>();
                contents.add(TextContent.from(message.text()));
                message.imageUrls().forEach(url -> contents.add(toImage(url)));
                yield UserMessage.from(contents);
            }
            case ASSISTANT ->
                message.toolCalls().isEmpty()
                        ? AiMessage.from(message.text())
                        : AiMessage.from(
                                message.text().isEmpty() ? null : message.text(),
                                message.toolCalls().stream()
                                        .map(call -> ToolExecutionRequest.builder()
                                                .id(call.id())
                                                .name(call.name())
                                                .arguments(call.argumentsJson())
                                                .build())
                                        .toList());
            case TOOL -> ToolExecutionResultMessage.from(message.toolCallId(), message.toolName(), message.text());
        };
    }

    private static ImageContent toImage(String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = url.substring("data:".length(), comma);
            String mimeType = header.replace(";base64", "");
            return ImageContent.from(url.substring(comma + 1), mimeType);
        }
        return ImageContent.from(url);
    }

    static ToolSpecification toTool(ToolSpec tool) {
        if (tool.parametersSchemaJson() != null) {
            return ToolSpecification.builder()
                    .name(tool.name())
                    .description(tool.description().isEmpty() ? null : tool.description())
                    .parameters(JsonSchemas.objectSchema(tool.parametersSchemaJson(), "tools"))
                    .strict(tool.strict() ? Boolean.TRUE : null)
                    .build();
        }
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (ToolSpec.Parameter parameter : tool.parameters()) {
            switch (parameter.type()) {
                case STRING -> parameters.addStringProperty(parameter.name(), parameter.description());
                case INTEGER -> parameters.addIntegerProperty(parameter.name(), parameter.description());
                case NUMBER -> parameters.addNumberProperty(parameter.name(), parameter.description());
                case BOOLEAN -> parameters.addBooleanProperty(parameter.name(), parameter.description());
            }
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        parameters.required(required);
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(parameters.build())
                .build();
    }

    static List<ToolCall> toolCalls(ChatResponse response) {
        AiMessage message = response.aiMessage();
        if (message == null || !message.hasToolExecutionRequests()) {
            return List.of();
        }
        return message.toolExecutionRequests().stream()
                .map(request -> new ToolCall(request.id(), request.name(), request.arguments()))
                .toList();
    }

    /**
     * The provider's counts with the input tokens it read from its prompt cache: OpenAI (and the servers speaking its
     * wire) count them inside {@code prompt_tokens} and name them in {@code prompt_tokens_details.cached_tokens};
     * Anthropic counts cache reads and cache writes apart from {@code input_tokens}, so they are added to the input.
     */
    static Optional<TokenUsage> usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return Optional.empty();
        }
        int input = usage.inputTokenCount();
        int cached = 0;
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            cached = orZero(openAi.inputTokensDetails().cachedTokens());
        } else if (usage instanceof AnthropicTokenUsage anthropic) {
            cached = orZero(anthropic.cacheReadInputTokens());
            input += cached + orZero(anthropic.cacheCreationInputTokens());
        }
        return Optional.of(new TokenUsage(input, usage.outputTokenCount(), Math.min(cached, input)));
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : Math.max(0, count);
    }

    /** An embedding's usage: providers report the input tokens only, and an embedding has no output. */
    static Optional<TokenUsage> embeddingUsage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null) {
            return Optional.empty();
        }
        return Optional.of(new TokenUsage(usage.inputTokenCount(), 0));
    }

    static Optional<String> finishReason(ChatResponse response) {
        FinishReason reason = response.finishReason();
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (reason) {
                    case TOOL_EXECUTION -> "tool_calls";
                    default -> reason.name().toLowerCase(Locale.ROOT);
                });
    }
}
