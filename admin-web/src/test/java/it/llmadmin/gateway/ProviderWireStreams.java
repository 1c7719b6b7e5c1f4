package it.llmadmin.gateway;

import it.llmadmin.gateway.ProviderWireUpstream.Wire;

/**
 * A streamed {@code GetWeather({"city": "Paris"})} call as each provider streams it, from its documentation: Anthropic
 * opens a {@code tool_use} block and streams its input as {@code input_json_delta} pieces; Mistral sends OpenAI-shaped
 * chunks with the call in one delta; Gemini ({@code streamGenerateContent?alt=sse}) and Ollama (newline-delimited JSON)
 * send the call whole in one chunk.
 */
final class ProviderWireStreams {

    /** The pieces Anthropic streams the arguments in (joined: {@link #ARGUMENTS}). */
    static final String[] ANTHROPIC_PIECES = {"", "{\"city\": ", "\"Paris\"}"};

    static final String ARGUMENTS = "{\"city\": \"Paris\"}";

    private ProviderWireStreams() {}

    static String toolCall(Wire wire) {
        return switch (wire) {
            case ANTHROPIC -> anthropic();
            case GEMINI ->
                sse(
                        null,
                        "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"GetWeather\","
                                + "\"args\":{\"city\":\"Paris\"}}}],\"role\":\"model\"},\"finishReason\":\"STOP\","
                                + "\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,"
                                + "\"candidatesTokenCount\":2,\"totalTokenCount\":7},\"modelVersion\":\"gemini-it\"}");
            case OLLAMA ->
                "{\"model\":\"" + wire.modelName + "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                        + "\"GetWeather\",\"arguments\":{\"city\":\"Paris\"}}}]},\"done\":false}\n"
                        + "{\"model\":\"" + wire.modelName + "\",\"created_at\":\"2024-01-01T00:00:01Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                        + "\"prompt_eval_count\":5,\"eval_count\":2}\n";
            case MISTRAL ->
                sse(
                                null,
                                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                                        + wire.modelName + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
                                        + "\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}")
                        + sse(
                                null,
                                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                                        + wire.modelName + "\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                                        + "[{\"id\":\"abcDEF123\",\"function\":{\"name\":\"GetWeather\",\"arguments\":"
                                        + "\"{\\\"city\\\": \\\"Paris\\\"}\"},\"index\":0}]},\"finish_reason\":"
                                        + "\"tool_calls\"}],\"usage\":{\"prompt_tokens\":5,\"total_tokens\":7,"
                                        + "\"completion_tokens\":2}}")
                        + "data: [DONE]\n\n";
        };
    }

    private static String anthropic() {
        StringBuilder sse = new StringBuilder()
                .append(sse(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":"
                                + "\"assistant\",\"model\":\"claude-it\",\"content\":[],\"stop_reason\":null,"
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}"))
                .append(sse(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                                + "\"id\":\"toolu_1\",\"name\":\"GetWeather\",\"input\":{}}}"));
        for (String piece : ANTHROPIC_PIECES) {
            sse.append(sse(
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                            + "\"partial_json\":\"" + piece.replace("\"", "\\\"") + "\"}}"));
        }
        return sse.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"))
                .append(sse(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                                + "\"usage\":{\"output_tokens\":2}}"))
                .append(sse("message_stop", "{\"type\":\"message_stop\"}"))
                .toString();
    }

    private static String sse(String event, String data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }
}
