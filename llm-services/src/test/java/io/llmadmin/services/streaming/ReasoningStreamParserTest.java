package io.llmadmin.services.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReasoningStreamParserTest {

    private static StreamDelta text(String response) {
        return new StreamDelta(response, "");
    }

    private static StreamDelta reasoning(String reasoning) {
        return new StreamDelta("", reasoning);
    }

    private static List<StreamDelta> eachCharacterOf(String text) {
        return text.chars().mapToObj(c -> text(String.valueOf((char) c))).toList();
    }

    /** The vectors of the legacy contract's ChatGenerationResult table (ARCHITECTURE.md, "The strangler gate"): chunks, then the expected totals. */
    static Stream<Arguments> legacy_contract_vectors() {
        return Stream.of(
                Arguments.of("plain text", List.of(text("Hello"), text(" world")), "Hello world", ""),
                Arguments.of("think block in one chunk", List.of(text("<think>abc</think>Hi")), "Hi", "abc"),
                Arguments.of("think block character by character", eachCharacterOf("<think>ab</think>Hi"), "Hi", "ab"),
                Arguments.of("closing tag split", List.of(text("<think>ab</th"), text("ink>resp")), "resp", "ab"),
                Arguments.of("unclosed block", List.of(text("<think>abc")), "", "abc"),
                Arguments.of("reasoning tag", List.of(text("<reasoning>r</reasoning>resp")), "resp", "r"),
                Arguments.of("stream ends inside an opening tag", List.of(text("<thi")), "<thi", ""),
                Arguments.of(
                        "native reasoning, then text",
                        List.of(reasoning("r1"), reasoning("r2"), text("ans")),
                        "ans",
                        "r1r2"),
                Arguments.of(
                        "native reasoning with text, then text",
                        List.of(new StreamDelta("A", "r1"), text("B"), text("C")),
                        "ABC",
                        "r1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy_contract_vectors")
    void should_give_the_contract_totals_when_fed_the_contract_chunks(
            String vector, List<StreamDelta> chunks, String response, String reasoning) {
        // given
        ReasoningStreamParser parser = new ReasoningStreamParser();

        // when
        List<StreamDelta> emitted = feed(parser, chunks);

        // then
        assertThat(parser.output()).isEqualTo(new StreamDelta(response, reasoning));
        assertThat(concat(emitted)).isEqualTo(new StreamDelta(response, reasoning));
    }

    @Test
    void should_emit_a_delta_for_each_chunk_when_there_is_no_reasoning() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        StreamDelta first = parser.addChunk("Hello", null);
        StreamDelta second = parser.addChunk(" world", null);

        assertThat(first).isEqualTo(text("Hello"));
        assertThat(second).isEqualTo(text(" world"));
    }

    @Test
    void should_stream_reasoning_and_response_character_by_character_when_the_tags_arrive_in_pieces() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        List<StreamDelta> emitted = feed(parser, eachCharacterOf("<think>ab</think>Hi"));

        assertThat(emitted).containsExactly(reasoning("a"), reasoning("b"), text("H"), text("i"));
    }

    @Test
    void should_emit_reasoning_before_the_split_closing_tag_at_once_when_the_tag_is_still_undecided() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        StreamDelta first = parser.addChunk("<think>ab</th", "");
        StreamDelta second = parser.addChunk("ink>resp", "");

        assertThat(first).isEqualTo(reasoning("ab"));
        assertThat(second).isEqualTo(text("resp"));
    }

    @Test
    void should_hold_a_possible_opening_tag_until_it_turns_out_to_be_text() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        StreamDelta held = parser.addChunk("<th", "");
        StreamDelta released = parser.addChunk("ey said", "");

        assertThat(held.isEmpty()).isTrue();
        assertThat(released).isEqualTo(text("<they said"));
    }

    @Test
    void should_treat_a_think_tag_after_the_start_as_response_text() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        feed(parser, List.of(text("Hi "), text("<think>x</think>")));

        assertThat(parser.output()).isEqualTo(text("Hi <think>x</think>"));
    }

    @Test
    void should_release_a_held_tag_prefix_as_response_when_native_reasoning_starts() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        parser.addChunk("<thi", "");
        StreamDelta delta = parser.addChunk("", "r1");
        StreamDelta later = parser.addChunk("<think>x", "");

        assertThat(delta).isEqualTo(new StreamDelta("<thi", "r1"));
        assertThat(later).isEqualTo(text("<think>x"));
        assertThat(parser.output()).isEqualTo(new StreamDelta("<thi<think>x", "r1"));
    }

    @Test
    void should_count_a_held_closing_tag_prefix_as_reasoning_when_the_stream_ends_inside_the_block() {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        parser.addChunk("<think>ab</thi", "");

        assertThat(parser.output()).isEqualTo(reasoning("ab</thi"));
        assertThat(parser.finish()).isEqualTo(reasoning("</thi"));
        assertThat(parser.output()).isEqualTo(reasoning("ab</thi"));
    }

    static Stream<String> texts() {
        return Stream.of(
                "Hello world",
                "<think>abc</think>Hi",
                "<think>ab</think>Hi there, <think> stays",
                "<reasoning>step 1\nstep 2</reasoning>The answer is 42.",
                "<think>never closed </thin",
                "<thi",
                "<think",
                "<",
                "<reasoning>r</think>still reasoning",
                "<thinking>not a tag</thinking>",
                "<think></think>",
                "</think>only a close",
                "");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void should_give_the_same_totals_when_the_text_is_split_at_any_position(String whole) {
        StreamDelta expected = totals(List.of(text(whole)));

        for (int cut = 0; cut <= whole.length(); cut++) {
            List<StreamDelta> chunks = List.of(text(whole.substring(0, cut)), text(whole.substring(cut)));
            assertThat(totals(chunks)).as("split at %d", cut).isEqualTo(expected);
        }
        assertThat(totals(eachCharacterOf(whole))).as("character by character").isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void should_give_the_same_totals_when_the_text_is_split_at_every_pair_of_positions(String whole) {
        StreamDelta expected = totals(List.of(text(whole)));

        for (int first = 0; first <= whole.length(); first++) {
            for (int second = first; second <= whole.length(); second++) {
                List<StreamDelta> chunks = List.of(
                        text(whole.substring(0, first)),
                        text(whole.substring(first, second)),
                        text(whole.substring(second)));
                assertThat(totals(chunks))
                        .as("split at %d and %d", first, second)
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<think>ab</think>Hi", "<reasoning>why</reasoning>because", "plain"})
    void should_emit_exactly_the_totals_when_every_delta_is_added_up(String whole) {
        ReasoningStreamParser parser = new ReasoningStreamParser();

        List<StreamDelta> emitted = feed(parser, eachCharacterOf(whole));

        assertThat(concat(emitted)).isEqualTo(parser.output());
    }

    private static StreamDelta totals(List<StreamDelta> chunks) {
        ReasoningStreamParser parser = new ReasoningStreamParser();
        List<StreamDelta> emitted = feed(parser, chunks);
        assertThat(concat(emitted)).isEqualTo(parser.output());
        return parser.output();
    }

    private static List<StreamDelta> feed(ReasoningStreamParser parser, List<StreamDelta> chunks) {
        List<StreamDelta> emitted = new ArrayList<>();
        for (StreamDelta chunk : chunks) {
            StreamDelta delta = parser.addChunk(chunk.response(), chunk.reasoning());
            if (!delta.isEmpty()) {
                emitted.add(delta);
            }
        }
        StreamDelta last = parser.finish();
        if (!last.isEmpty()) {
            emitted.add(last);
        }
        return emitted;
    }

    private static StreamDelta concat(List<StreamDelta> deltas) {
        StringBuilder response = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        deltas.forEach(delta -> {
            response.append(delta.response());
            reasoning.append(delta.reasoning());
        });
        return new StreamDelta(response.toString(), reasoning.toString());
    }
}
