package io.llmadmin.legacy.testing;

import java.util.List;

/** OpenAI chat-completions bodies as a real server sends them (streamed as server-sent events). */
public final class OpenAiSse {

    private OpenAiSse() {}

    /** One {@code chat.completion.chunk} event carrying response text. */
    public static String content(String text) {
        return event(chunk("\"content\":" + json(text), "null"));
    }

    /** One chunk carrying DeepSeek's native {@code reasoning_content}. */
    public static String reasoning(String text) {
        return event(chunk("\"reasoning_content\":" + json(text), "null"));
    }

    /** The closing events: a stop chunk, the usage chunk, and {@code [DONE]}. */
    public static String end() {
        return event(chunk("", "\"stop\""))
                + event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}")
                + "data: [DONE]\n\n";
    }

    /** A whole stream: each piece of response text as its own chunk, then the end. */
    public static String stream(List<String> pieces) {
        StringBuilder body = new StringBuilder();
        pieces.forEach(piece -> body.append(content(piece)));
        return body.append(end()).toString();
    }

    /** An OpenAI error body. */
    public static String error(String message, String type) {
        return "{\"error\":{\"message\":" + json(message) + ",\"type\":" + json(type) + ",\"code\":null}}";
    }

    /** An embeddings answer: one vector per entry. */
    public static String embeddings(List<float[]> vectors) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < vectors.size(); i++) {
            if (i > 0) {
                data.append(',');
            }
            StringBuilder vector = new StringBuilder();
            for (int d = 0; d < vectors.get(i).length; d++) {
                vector.append(d > 0 ? "," : "").append(vectors.get(i)[d]);
            }
            data.append("{\"object\":\"embedding\",\"index\":")
                    .append(i)
                    .append(",\"embedding\":[")
                    .append(vector)
                    .append("]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"e\",\"usage\":{\"prompt_tokens\":3,"
                + "\"total_tokens\":3}}";
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{" + delta + "},\"finish_reason\":" + finishReason + "}]}";
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
