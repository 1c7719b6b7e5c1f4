package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChoiceDelta;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolCallFragment;
import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The further choices (index 1, 2, ...) of a stream that asked for several, from the provider's chunk entries: each
 * choice's text and reasoning (a leading {@code <think>} block split off as for choice 0), its tool calls joined from
 * their fragments, its finish reason and its log probabilities. Choice 0 is LangChain4j's as in any stream. Not
 * thread-safe: used under its {@link ChatStreamRun}'s lock.
 */
final class StreamedChoices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, Choice> choices = new TreeMap<>();

    /** The piece a chunk's entry for a further choice adds (empty when it holds nothing to pass on yet). */
    ChoiceDelta add(JsonNode entry) {
        int index = entry.path("index").asInt();
        Choice choice = choices.computeIfAbsent(index, i -> new Choice());
        JsonNode delta = entry.path("delta");
        StreamDelta text = choice.parser.addChunk(text(delta.path("content")), text(delta.path("reasoning_content")));
        List<ToolCallFragment> fragments = new ArrayList<>();
        for (JsonNode call : delta.path("tool_calls")) {
            ToolCallFragment fragment = new ToolCallFragment(
                    call.path("index").asInt(0),
                    text(call.path("id")),
                    text(call.path("function").path("name")),
                    text(call.path("function").path("arguments")));
            choice.calls.computeIfAbsent(fragment.index(), i -> new CallParts()).add(fragment);
            fragments.add(fragment);
        }
        if (text(entry.path("finish_reason")) != null) {
            choice.finishReason = entry.path("finish_reason").asText();
        }
        String logprobs = null;
        if (entry.path("logprobs").isObject()) {
            JsonNode tokens = entry.get("logprobs");
            tokens.path("content").forEach(choice.logprobContent::add);
            tokens.path("refusal").forEach(choice.logprobRefusal::add);
            choice.logprobs = true;
            logprobs = tokens.toString();
        }
        return new ChoiceDelta(index, text.response(), text.reasoning(), fragments, logprobs);
    }

    /** What each choice's reasoning split still held back, at the end of the stream. */
    List<ChoiceDelta> finish() {
        List<ChoiceDelta> rest = new ArrayList<>();
        choices.forEach((index, choice) -> {
            StreamDelta held = choice.parser.finish();
            if (!held.isEmpty()) {
                rest.add(new ChoiceDelta(index, held.response(), held.reasoning(), List.of(), null));
            }
        });
        return rest;
    }

    /** The further choices as answers, in index order; without usage (choice 0's covers the whole call). */
    List<ChatResult> results(String model) {
        List<ChatResult> results = new ArrayList<>();
        choices.values().forEach(choice -> {
            StreamDelta output = choice.parser.output();
            List<ToolCall> calls = choice.calls.values().stream()
                    .map(parts -> new ToolCall(
                            parts.id, parts.name, parts.arguments.isEmpty() ? "{}" : parts.arguments.toString()))
                    .toList();
            results.add(new ChatResult(
                    model,
                    output.response(),
                    output.reasoning(),
                    calls,
                    Optional.empty(),
                    Optional.ofNullable(choice.finishReason),
                    choice.logprobs ? choice.logprobsJson() : null));
        });
        return results;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static final class Choice {
        private final ReasoningStreamParser parser = new ReasoningStreamParser();
        private final Map<Integer, CallParts> calls = new TreeMap<>();
        private final ArrayNode logprobContent = JSON.createArrayNode();
        private final ArrayNode logprobRefusal = JSON.createArrayNode();
        private boolean logprobs;
        private String finishReason;

        /** The chunks' token lists joined in order, as one {@code logprobs} object (as for choice 0). */
        private String logprobsJson() {
            ObjectNode joined = JSON.createObjectNode();
            joined.set("content", logprobContent);
            if (logprobRefusal.isEmpty()) {
                joined.putNull("refusal");
            } else {
                joined.set("refusal", logprobRefusal);
            }
            return joined.toString();
        }
    }

    private static final class CallParts {
        private String id;
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();

        private void add(ToolCallFragment fragment) {
            if (fragment.id() != null) {
                id = fragment.id();
            }
            if (fragment.name() != null) {
                name = fragment.name();
            }
            arguments.append(fragment.arguments());
        }
    }
}
