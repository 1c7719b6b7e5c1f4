package io.llmadmin.web.gateway;

import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import jakarta.json.Json;
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
        JsonArrayBuilder data = Json.createArrayBuilder();
        models.forEach(model -> data.add(model(model)));
        return Json.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .build();
    }

    /**
     * One model. The catalog keeps no creation time for clients, so {@code created} is 0 (OpenAI's SDKs read it as a
     * number and nothing more); {@code owned_by} is the vendor, lower-cased, or {@code llm-admin}.
     */
    static JsonObject model(CatalogEntry model) {
        String vendor = model.vendor() == null || model.vendor().isBlank()
                ? "llm-admin"
                : model.vendor().toLowerCase(Locale.ROOT);
        return Json.createObjectBuilder()
                .add("id", model.id())
                .add("object", "model")
                .add("created", 0)
                .add("owned_by", vendor)
                .build();
    }

    /** A whole answer: {@code object} {@code chat.completion}, one choice, usage when the provider reported it. */
    static JsonObject completion(String id, long created, ChatResult result) {
        JsonObjectBuilder completion = Json.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion")
                .add("created", created)
                .add("model", result.model())
                .add(
                        "choices",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add(
                                                "message",
                                                Json.createObjectBuilder()
                                                        .add("role", "assistant")
                                                        .add("content", result.response()))
                                        .add("finish_reason", finishReason(result))));
        result.usage().ifPresent(usage -> completion.add("usage", usage(usage)));
        return completion.build();
    }

    /** A streamed piece: {@code delta} holds the role (first chunk) and/or a piece of the content. */
    static JsonObject chunk(String id, long created, String model, JsonObject delta, String finishReason) {
        JsonObjectBuilder choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return base(id, created, model)
                .add("choices", Json.createArrayBuilder().add(choice))
                .build();
    }

    /** The last chunk of a stream asked with {@code stream_options.include_usage}: no choices, the usage. */
    static JsonObject usageChunk(String id, long created, String model, TokenUsage usage) {
        return base(id, created, model)
                .add("choices", Json.createArrayBuilder())
                .add("usage", usage(usage))
                .build();
    }

    static JsonObject contentDelta(String text) {
        return Json.createObjectBuilder().add("content", text).build();
    }

    static JsonObject roleDelta() {
        return Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", "")
                .build();
    }

    static String finishReason(ChatResult result) {
        return result.finishReason().orElse("stop");
    }

    private static JsonObjectBuilder base(String id, long created, String model) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("object", "chat.completion.chunk")
                .add("created", created)
                .add("model", model);
    }

    private static JsonObject usage(TokenUsage usage) {
        return Json.createObjectBuilder()
                .add("prompt_tokens", usage.inputTokens())
                .add("completion_tokens", usage.outputTokens())
                .add("total_tokens", usage.inputTokens() + usage.outputTokens())
                .build();
    }
}
