package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/** OpenAI's response shapes: the model list, a chat completion, and the chunks of a streamed one. */
final class OpenAiResponses {

    private OpenAiResponses() {}

    /** {@code {"object":"list","data":[{"id","object":"model","created","owned_by"}]}}. */
    static JsonObject modelList(List<CatalogEntry> models) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        models.forEach(model -> data.add(model(model)));
        return JSON.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .build();
    }

    /**
     * One model. The catalog keeps no creation time for clients, so {@code created} is 0 (OpenAI's SDKs read it as a
     * number and nothing more); {@code owned_by} is the vendor, lower-cased, or {@code llm-admin}; {@code type} (ours:
     * {@code chat}, {@code embedding}, {@code image}, {@code speech}) tells which endpoint takes it.
     */
    static JsonObject model(CatalogEntry model) {
        String vendor = model.vendor() == null || model.vendor().isBlank()
                ? "llm-admin"
                : model.vendor().toLowerCase(Locale.ROOT);
        return JSON.createObjectBuilder()
                .add("id", model.id())
                .add("object", "model")
                .add("created", 0)
                .add("owned_by", vendor)
                .add("type", model.type().apiName())
                .build();
    }

    /**
     * A whole answer: {@code object} {@code chat.completion}, its choices (one unless the call asked for several),
     * usage when the provider reported it (for all choices together). The
     * message carries the model's tool calls ({@code function_call} for a legacy request) and its reasoning
     * ({@code reasoning_content}, as DeepSeek and vLLM spell it) when there are any, the choice its {@code logprobs} as
     * the provider returned them (null when not asked for).
     */
    static JsonObject completion(String id, long created, ChatResult result, boolean legacyFunctions) {
        JsonArrayBuilder choices = JSON.createArrayBuilder().add(choice(0, result, legacyFunctions));
        for (int i = 0; i < result.otherChoices().size(); i++) {
            choices.add(choice(i + 1, result.otherChoices().get(i), legacyFunctions));
        }
        JsonObjectBuilder completion = JSON.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion")
                .add("created", created)
                .add("model", result.model())
                .add("choices", choices);
        result.usage().ifPresent(usage -> completion.add("usage", usage(usage)));
        return completion.build();
    }

    private static JsonObject choice(int index, ChatResult result, boolean legacyFunctions) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        if (result.response().isEmpty() && !result.toolCalls().isEmpty()) {
            message.addNull("content");
        } else {
            message.add("content", result.response());
        }
        if (!result.reasoning().isEmpty()) {
            message.add("reasoning_content", result.reasoning());
        }
        if (!result.toolCalls().isEmpty()) {
            if (legacyFunctions) {
                ToolCall call = result.toolCalls().get(0);
                message.add(
                        "function_call",
                        JSON.createObjectBuilder().add("name", call.name()).add("arguments", call.argumentsJson()));
            } else {
                JsonArrayBuilder calls = JSON.createArrayBuilder();
                for (ToolCall call : result.toolCalls()) {
                    calls.add(JSON.createObjectBuilder()
                            .add("id", callId(call))
                            .add("type", "function")
                            .add(
                                    "function",
                                    JSON.createObjectBuilder()
                                            .add("name", call.name())
                                            .add("arguments", call.argumentsJson())));
                }
                message.add("tool_calls", calls);
            }
        }
        message.addNull("refusal");
        JsonObjectBuilder choice =
                JSON.createObjectBuilder().add("index", index).add("message", message);
        if (result.logprobsJson() == null) {
            choice.addNull("logprobs");
        } else {
            try (var reader = JSON.createReader(new java.io.StringReader(result.logprobsJson()))) {
                choice.add("logprobs", reader.readObject());
            }
        }
        return choice.add("finish_reason", finishReason(result, legacyFunctions))
                .build();
    }

    /** The answer with an id on every tool call (ours where the provider gave none), so every rendering agrees. */
    static ChatResult withCallIds(ChatResult result) {
        if (result.toolCalls().stream()
                        .allMatch(call -> call.id() != null && !call.id().isBlank())
                && result.otherChoices().isEmpty()) {
            return result;
        }
        return new ChatResult(
                result.model(),
                result.response(),
                result.reasoning(),
                result.toolCalls().stream()
                        .map(call -> new ToolCall(callId(call), call.name(), call.argumentsJson()))
                        .toList(),
                result.usage(),
                result.finishReason(),
                result.logprobsJson(),
                result.otherChoices().stream().map(OpenAiResponses::withCallIds).toList());
    }

    /** A provider's call id, or one of ours for providers that give none (Gemini, Ollama). */
    static String callId(ToolCall call) {
        return call.id() == null || call.id().isBlank()
                ? "call_"
                        + java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 24)
                : call.id();
    }

    static JsonObject reasoningDelta(String text) {
        return JSON.createObjectBuilder().add("reasoning_content", text).build();
    }

    /** A streamed piece of choice 0: {@code delta} holds the role (first chunk) and/or a piece of the content. */
    static JsonObject chunk(String id, long created, String model, JsonObject delta, String finishReason) {
        return chunk(id, created, model, 0, delta, null, finishReason);
    }

    /**
     * A streamed piece of choice {@code index}: its {@code delta}, the log probabilities of the piece's tokens as the
     * provider streamed them (OpenAI's {@code logprobs} object as JSON text, or null), and its finish reason.
     */
    static JsonObject chunk(
            String id,
            long created,
            String model,
            int index,
            JsonObject delta,
            String logprobsJson,
            String finishReason) {
        JsonObjectBuilder choice =
                JSON.createObjectBuilder().add("index", index).add("delta", delta);
        if (logprobsJson != null) {
            choice.add(
                    "logprobs",
                    JSON.createReader(new java.io.StringReader(logprobsJson)).readObject());
        }
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return base(id, created, model)
                .add("choices", JSON.createArrayBuilder().add(choice))
                .build();
    }

    /**
     * Log probabilities not yet sent beside a piece of text (a provider that sent them apart from the text, or a kept
     * answer replayed), in one chunk with an empty delta before the finish (the SDKs' accumulators join every chunk's
     * {@code logprobs.content}, so they see them all).
     */
    static JsonObject logprobsChunk(String id, long created, String model, String logprobsJson) {
        return chunk(id, created, model, 0, JSON.createObjectBuilder().build(), logprobsJson, null);
    }

    /** The last chunk of a stream asked with {@code stream_options.include_usage}: no choices, the usage. */
    static JsonObject usageChunk(String id, long created, String model, TokenUsage usage) {
        return base(id, created, model)
                .add("choices", JSON.createArrayBuilder())
                .add("usage", usage(usage))
                .build();
    }

    static JsonObject contentDelta(String text) {
        return JSON.createObjectBuilder().add("content", text).build();
    }

    static JsonObject roleDelta() {
        return JSON.createObjectBuilder()
                .add("role", "assistant")
                .add("content", "")
                .build();
    }

    /**
     * The answer's finish reason: the provider's, {@code tool_calls} when the model called tools (some providers say
     * {@code stop} then), {@code function_call} for a legacy request.
     */
    static String finishReason(ChatResult result, boolean legacyFunctions) {
        if (!result.toolCalls().isEmpty()) {
            return legacyFunctions ? "function_call" : "tool_calls";
        }
        return result.finishReason().orElse("stop");
    }

    private static JsonObjectBuilder base(String id, long created, String model) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion.chunk")
                .add("created", created)
                .add("model", model);
    }

    /** OpenAI's usage object; the prompt tokens read from the provider's cache are named as OpenAI names them. */
    private static JsonObject usage(TokenUsage usage) {
        return JSON.createObjectBuilder()
                .add("prompt_tokens", usage.inputTokens())
                .add("completion_tokens", usage.outputTokens())
                .add("total_tokens", usage.inputTokens() + usage.outputTokens())
                .add(
                        "prompt_tokens_details",
                        JSON.createObjectBuilder().add("cached_tokens", usage.cachedInputTokens()))
                .build();
    }
}
