package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What each provider's server says on the wire, for local stub servers: paths, answer bodies, stream bodies (SSE or
 * Ollama's NDJSON) and error bodies, as the providers document them.
 */
enum ProviderWire {
    OPENAI("openai", "gpt-4o", "/v1", "/v1/chat/completions", "/v1/chat/completions", "text/event-stream"),
    DEEPSEEK(
            "deepseek",
            "deepseek-reasoner",
            "/v1",
            "/v1/chat/completions",
            "/v1/chat/completions",
            "text/event-stream"),
    ANTHROPIC("anthropic", "claude-sonnet-4", "/v1", "/v1/messages", "/v1/messages", "text/event-stream"),
    GEMINI(
            "gemini",
            "gemini-1.5-flash",
            "/v1beta",
            "/v1beta/models/gemini-1.5-flash:generateContent",
            "/v1beta/models/gemini-1.5-flash:streamGenerateContent",
            "text/event-stream"),
    OLLAMA("ollama", "llama3", "", "/api/chat", "/api/chat", "application/x-ndjson"),
    MISTRAL(
            "mistral",
            "mistral-large-latest",
            "/v1",
            "/v1/chat/completions",
            "/v1/chat/completions",
            "text/event-stream");

    final String provider;
    final String modelName;
    final String basePath;
    final String chatPath;
    final String streamPath;
    final String streamContentType;

    ProviderWire(
            String provider,
            String modelName,
            String basePath,
            String chatPath,
            String streamPath,
            String streamContentType) {
        this.provider = provider;
        this.modelName = modelName;
        this.basePath = basePath;
        this.chatPath = chatPath;
        this.streamPath = streamPath;
        this.streamContentType = streamContentType;
    }

    /** A chat model of this provider whose api base is the stub at {@code baseUrl}. */
    ModelConfiguration model(String catalogId, String baseUrl) {
        ModelConfiguration model =
                new ModelConfiguration(catalogId, ModelType.CHAT, provider, modelName, catalogId + " display");
        model.routeTo(baseUrl + basePath, null, false);
        // Calls are checked against the model's declared capabilities: these stubs speak tools and JSON output.
        model.declareCapabilities(new ModelCapabilities(true, false, true, true, false));
        return model;
    }

    /** The whole answer {@code text} with 5 input and 2 output tokens. */
    String answer(String text) {
        return switch (this) {
            case OPENAI, DEEPSEEK, MISTRAL -> """
                    {"id":"c1","object":"chat.completion","created":1,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""".formatted(modelName, json(text));
            case ANTHROPIC -> """
                    {"id":"msg_1","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":5,"output_tokens":2}}""".formatted(modelName, json(text));
            case GEMINI -> """
                    {"candidates":[{"content":{"parts":[{"text":%s}],"role":"model"},"finishReason":"STOP","index":0}],
                     "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2,"totalTokenCount":7}}""".formatted(json(text));
            case OLLAMA -> """
                    {"model":"%s","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":%s},
                     "done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":2}""".formatted(modelName, json(text));
        };
    }

    /** A whole stream: the reasoning pieces (native where the provider has them), then the response pieces. */
    String stream(List<String> reasoning, List<String> response) {
        return switch (this) {
            case OPENAI, DEEPSEEK, MISTRAL -> {
                StringBuilder sse = new StringBuilder();
                for (String piece : reasoning) {
                    sse.append(sse(null, openAiChunk("\"reasoning_content\":" + json(piece), "null")));
                }
                for (String piece : response) {
                    sse.append(sse(null, openAiChunk("\"content\":" + json(piece), "null")));
                }
                sse.append(sse(null, openAiChunk("", "\"stop\"")));
                sse.append(
                        sse(
                                null,
                                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                                        + modelName
                                        + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}"));
                sse.append("data: [DONE]\n\n");
                yield sse.toString();
            }
            case ANTHROPIC -> {
                StringBuilder sse = new StringBuilder();
                sse.append(
                        sse(
                                "message_start",
                                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                                        + modelName
                                        + "\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}"));
                int index = 0;
                if (!reasoning.isEmpty()) {
                    sse.append(
                            sse(
                                    "content_block_start",
                                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"));
                    for (String piece : reasoning) {
                        sse.append(sse(
                                "content_block_delta",
                                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":"
                                        + json(piece) + "}}"));
                    }
                    sse.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
                    index = 1;
                }
                sse.append(sse(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":" + index
                                + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
                for (String piece : response) {
                    sse.append(sse(
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":" + index
                                    + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + json(piece) + "}}"));
                }
                sse.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}"));
                sse.append(
                        sse(
                                "message_delta",
                                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}"));
                sse.append(sse("message_stop", "{\"type\":\"message_stop\"}"));
                yield sse.toString();
            }
            case GEMINI -> {
                StringBuilder sse = new StringBuilder();
                for (String piece : reasoning) {
                    sse.append(sse(
                            null,
                            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + json(piece)
                                    + ",\"thought\":true}],\"role\":\"model\"},\"index\":0}]}"));
                }
                for (int i = 0; i < response.size(); i++) {
                    boolean last = i == response.size() - 1;
                    sse.append(sse(
                            null,
                            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + json(response.get(i))
                                    + "}],\"role\":\"model\"}," + (last ? "\"finishReason\":\"STOP\"," : "")
                                    + "\"index\":0}]"
                                    + (last
                                            ? ",\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}"
                                            : "")
                                    + "}"));
                }
                yield sse.toString();
            }
            case OLLAMA -> {
                StringBuilder ndjson = new StringBuilder();
                for (String piece : reasoning) {
                    ndjson.append("{\"model\":\"")
                            .append(modelName)
                            .append(
                                    "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":")
                            .append(json(piece))
                            .append("},\"done\":false}\n");
                }
                for (String piece : response) {
                    ndjson.append("{\"model\":\"")
                            .append(modelName)
                            .append(
                                    "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":")
                            .append(json(piece))
                            .append("},\"done\":false}\n");
                }
                ndjson.append("{\"model\":\"")
                        .append(modelName)
                        .append(
                                "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":2}\n");
                yield ndjson.toString();
            }
        };
    }

    /** The provider's error body for a status. */
    String error(int status, String message) {
        return switch (this) {
            case OPENAI, DEEPSEEK, MISTRAL ->
                "{\"error\":{\"message\":" + json(message) + ",\"type\":\"api_error\",\"code\":" + status + "}}";
            case ANTHROPIC ->
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":" + json(message) + "}}";
            case GEMINI ->
                "{\"error\":{\"code\":" + status + ",\"message\":" + json(message) + ",\"status\":\"UNAVAILABLE\"}}";
            case OLLAMA -> "{\"error\":" + json(message) + "}";
        };
    }

    /** Whether the provider streams reasoning natively (so the stream can carry it apart from the text). */
    boolean streamsNativeReasoning() {
        return this != MISTRAL;
    }

    private String openAiChunk(String delta, String finishReason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + modelName
                + "\",\"choices\":[{\"index\":0,\"delta\":{" + delta + "},\"finish_reason\":" + finishReason + "}]}";
    }

    private static String sse(String event, String data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }

    static String json(String text) {
        return "\""
                + text.chars()
                        .mapToObj(c -> switch (c) {
                            case '"' -> "\\\"";
                            case '\\' -> "\\\\";
                            case '\n' -> "\\n";
                            default -> String.valueOf((char) c);
                        })
                        .collect(Collectors.joining())
                + "\"";
    }
}
