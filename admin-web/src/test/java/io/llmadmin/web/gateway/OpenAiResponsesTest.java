package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
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
        List<JsonObject> deltas = OpenAiResponses.toolCallDeltas(named.toolCalls(), false);

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
    void should_take_a_stream_without_a_finish_reason_or_tool_call_as_cut_off() {
        assertThat(UpstreamEvents.isCutOff(
                        new ChatResult("m", "Half", "", List.of(), Optional.empty(), Optional.empty())))
                .isTrue();
        assertThat(UpstreamEvents.isCutOff(
                        new ChatResult("m", "All", "", List.of(), Optional.empty(), Optional.of("stop"))))
                .isFalse();
    }
}
