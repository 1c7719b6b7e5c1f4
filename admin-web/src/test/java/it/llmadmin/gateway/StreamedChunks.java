package it.llmadmin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A streamed chat completion as the client reads it: its {@code chat.completion.chunk}s, checked to end with
 * {@code data: [DONE]}.
 */
record StreamedChunks(List<JsonObject> chunks) {

    /** The tool call deltas of choice 0 in order, their argument pieces, and every finish reason sent. */
    record ToolCallStream(List<JsonObject> deltas, List<String> argumentFragments, List<String> finishReasons) {}

    static StreamedChunks of(String body) {
        assertThat(body.strip()).as(body).endsWith("data: [DONE]");
        List<JsonObject> chunks = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: {")) {
                JsonObject chunk = GatewayAdmin.parse(line.substring("data: ".length()));
                assertThat(chunk.getString("object")).as(line).isEqualTo("chat.completion.chunk");
                chunks.add(chunk);
            }
        }
        return new StreamedChunks(chunks);
    }

    ToolCallStream toolCalls() {
        List<JsonObject> deltas = new ArrayList<>();
        List<String> fragments = new ArrayList<>();
        List<String> finishReasons = new ArrayList<>();
        for (JsonObject chunk : chunks) {
            if (chunk.getJsonArray("choices").isEmpty()) {
                continue;
            }
            JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
            if (!choice.isNull("finish_reason")) {
                finishReasons.add(choice.getString("finish_reason"));
            }
            JsonObject delta = choice.getJsonObject("delta");
            if (delta.containsKey("tool_calls")) {
                assertThat(delta.getJsonArray("tool_calls"))
                        .as(delta.toString())
                        .hasSize(1);
                JsonObject call = delta.getJsonArray("tool_calls").getJsonObject(0);
                deltas.add(call);
                fragments.add(call.getJsonObject("function").getString("arguments"));
            }
        }
        assertThat(deltas).as("tool call deltas in " + chunks).isNotEmpty();
        return new ToolCallStream(deltas, fragments, finishReasons);
    }
}
