package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolCallFragment;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTest {

    private static ChatResult toolCalling() {
        return new ChatResult(
                "m",
                "",
                "thinking",
                List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                Optional.of(new TokenUsage(3, 4)),
                Optional.of("stop"));
    }

    @Test
    void should_answer_tool_calls_with_null_content_reasoning_content_and_finish_reason_tool_calls() {
        JsonObject choice = OpenAiResponses.completion("id", 1, toolCalling(), false)
                .getJsonArray("choices")
                .getJsonObject(0);

        JsonObject message = choice.getJsonObject("message");
        assertThat(message.isNull("content")).isTrue();
        assertThat(message.getString("reasoning_content")).isEqualTo("thinking");
        JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
        assertThat(call.getString("id")).isEqualTo("call_1");
        assertThat(call.getString("type")).isEqualTo("function");
        assertThat(call.getJsonObject("function").getString("arguments")).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    }

    @Test
    void should_answer_a_legacy_functions_request_with_function_call() {
        JsonObject choice = OpenAiResponses.completion("id", 1, toolCalling(), true)
                .getJsonArray("choices")
                .getJsonObject(0);

        assertThat(choice.getJsonObject("message")
                        .getJsonObject("function_call")
                        .getString("name"))
                .isEqualTo("get_weather");
        assertThat(choice.getJsonObject("message").containsKey("tool_calls")).isFalse();
        assertThat(choice.getString("finish_reason")).isEqualTo("function_call");
    }

    @Test
    void should_stream_a_tool_call_as_its_head_then_its_arguments_and_give_ids_to_calls_without_one() {
        ChatResult withoutId =
                new ChatResult("m", "", "", List.of(new ToolCall(null, "f", "{}")), Optional.empty(), Optional.empty());

        ChatResult named = OpenAiResponses.withCallIds(withoutId);
        List<JsonObject> deltas = new ToolCallChunks(false).remaining(named.toolCalls());

        assertThat(named.toolCalls().get(0).id()).startsWith("call_");
        JsonObject head = deltas.get(0).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(head.getInt("index")).isZero();
        assertThat(head.getString("id")).isEqualTo(named.toolCalls().get(0).id());
        assertThat(head.getJsonObject("function").getString("name")).isEqualTo("f");
        assertThat(head.getJsonObject("function").getString("arguments")).isEmpty();
        JsonObject arguments = deltas.get(1).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(arguments.containsKey("id")).isFalse();
        assertThat(arguments.getJsonObject("function").getString("arguments")).isEqualTo("{}");
    }

    @Test
    void should_stream_a_call_piece_by_piece_with_its_head_first_and_send_only_the_calls_not_streamed_at_the_end() {
        ToolCallChunks chunks = new ToolCallChunks(false);

        JsonObject head = chunks.fragment(new ToolCallFragment(3, "call_a", "f", "{\"ci"))
                .getJsonArray("tool_calls")
                .getJsonObject(0);
        JsonObject piece = chunks.fragment(new ToolCallFragment(3, "call_a", "f", "ty\":1}"))
                .getJsonArray("tool_calls")
                .getJsonObject(0);
        List<JsonObject> rest = chunks.remaining(
                List.of(new ToolCall("call_a", "f", "{\"city\":1}"), new ToolCall("call_b", "g", "{}")));

        assertThat(head.getInt("index")).isZero();
        assertThat(head.getString("id")).isEqualTo("call_a");
        assertThat(head.getString("type")).isEqualTo("function");
        assertThat(head.getJsonObject("function").getString("name")).isEqualTo("f");
        assertThat(head.getJsonObject("function").getString("arguments")).isEqualTo("{\"ci");
        assertThat(piece.getInt("index")).isZero();
        assertThat(piece.containsKey("id")).isFalse();
        assertThat(piece.getJsonObject("function").containsKey("name")).isFalse();
        assertThat(piece.getJsonObject("function").getString("arguments")).isEqualTo("ty\":1}");
        assertThat(rest).hasSize(2);
        JsonObject second = rest.get(0).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(second.getInt("index")).isEqualTo(1);
        assertThat(second.getString("id")).isEqualTo("call_b");
    }

    @Test
    void should_take_a_stream_without_a_finish_reason_or_tool_call_as_cut_off() {
        assertThat(UpstreamEvents.isCutOff(
                        new ChatResult("m", "Half", "", List.of(), Optional.empty(), Optional.empty())))
                .isTrue();
        assertThat(UpstreamEvents.isCutOff(
                        new ChatResult("m", "All", "", List.of(), Optional.empty(), Optional.of("stop"))))
                .isFalse();
    }
}
