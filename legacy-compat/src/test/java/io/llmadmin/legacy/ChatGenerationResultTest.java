package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The legacy contract (ARCHITECTURE.md, "The strangler gate"), "ChatGenerationResult": every vector of the table, through the facade. */
@SuppressWarnings("removal")
class ChatGenerationResultTest {

    private static ChatChunk text(String response) {
        return new ChatChunk(response, "");
    }

    private static List<ChatChunk> eachCharacterOf(String text) {
        return text.chars().mapToObj(c -> text(String.valueOf((char) c))).toList();
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("plain text", List.of(text("Hello"), text(" world")), "Hello world", ""),
                Arguments.of("a whole think block", List.of(text("<think>abc</think>Hi")), "Hi", "abc"),
                Arguments.of("one character at a time", eachCharacterOf("<think>ab</think>Hi"), "Hi", "ab"),
                Arguments.of("closing tag split", List.of(text("<think>ab</th"), text("ink>resp")), "resp", "ab"),
                Arguments.of("unclosed block", List.of(text("<think>abc")), "", "abc"),
                Arguments.of("reasoning tags", List.of(text("<reasoning>r</reasoning>resp")), "resp", "r"),
                Arguments.of("a tag that never completes", List.of(text("<thi")), "<thi", ""),
                Arguments.of(
                        "native reasoning then text",
                        List.of(new ChatChunk("", "r1"), new ChatChunk("", "r2"), text("ans")),
                        "ans",
                        "r1r2"),
                Arguments.of(
                        "native reasoning with text, then text",
                        List.of(new ChatChunk("A", "r1"), text("B"), text("C")),
                        "ABC",
                        "r1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_split_response_and_reasoning_as_the_contract_table_says(
            String vector, List<ChatChunk> chunks, String response, String reasoning) {
        ChatGenerationResult result = new ChatGenerationResult();
        StringBuilder emittedResponse = new StringBuilder();
        StringBuilder emittedReasoning = new StringBuilder();

        for (ChatChunk chunk : chunks) {
            ChatChunk delta = result.addChunk(chunk);
            emittedResponse.append(delta.responseDelta());
            emittedReasoning.append(delta.reasoningDelta());
        }

        assertThat(result.output()).isEqualTo(new ChatChunk(response, reasoning));
        assertThat(response).startsWith(emittedResponse.toString());
        assertThat(reasoning).startsWith(emittedReasoning.toString());
    }

    @Test
    void should_emit_deltas_for_both_chunks_when_there_is_no_reasoning() {
        ChatGenerationResult result = new ChatGenerationResult();

        assertThat(result.addChunk(text("Hello"))).isEqualTo(text("Hello"));
        assertThat(result.addChunk(text(" world"))).isEqualTo(text(" world"));
    }

    @Test
    void should_stream_reasoning_a_b_then_response_h_i_when_fed_one_character_at_a_time() {
        ChatGenerationResult result = new ChatGenerationResult();
        List<String> deltas = new ArrayList<>();

        for (ChatChunk chunk : eachCharacterOf("<think>ab</think>Hi")) {
            ChatChunk delta = result.addChunk(chunk);
            if (!delta.reasoningDelta().isEmpty()) {
                deltas.add("reasoning " + delta.reasoningDelta());
            }
            if (!delta.responseDelta().isEmpty()) {
                deltas.add("response " + delta.responseDelta());
            }
        }

        assertThat(deltas).containsExactly("reasoning a", "reasoning b", "response H", "response i");
    }

    @Test
    void should_take_the_first_chunk_when_constructed_with_one() {
        assertThat(new ChatGenerationResult(text("<think>x</think>y")).output()).isEqualTo(new ChatChunk("y", "x"));
    }
}
