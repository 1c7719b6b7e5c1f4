package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolCallFragment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool call deltas of one streamed chat completion, in OpenAI's chunk shape: a call's first delta carries its
 * {@code index}, {@code id}, {@code type} and {@code function.name} (with the first piece of its arguments), the
 * following ones only the index and the next piece, as the provider streams them. Calls the provider sent whole
 * (providers without streamed tool calls) are announced at the end the same way, in two deltas.
 */
final class ToolCallChunks {

    private final boolean legacyFunctions;
    /** The provider's index of each call streamed so far, to ours (0, 1, ... in order of appearance). */
    private final Map<Integer, Integer> indices = new LinkedHashMap<>();

    ToolCallChunks(boolean legacyFunctions) {
        this.legacyFunctions = legacyFunctions;
    }

    /** The delta for a piece of a call, or null for nothing to send (a legacy request's calls after the first). */
    JsonObject fragment(ToolCallFragment fragment) {
        Integer index = indices.get(fragment.index());
        boolean first = index == null;
        if (first) {
            index = indices.size();
            indices.put(fragment.index(), index);
        }
        if (legacyFunctions && index > 0) {
            return null;
        }
        String name = first ? (fragment.name() == null ? "" : fragment.name()) : null;
        String id = first ? OpenAiResponses.callId(new ToolCall(fragment.id(), "-", "{}")) : null;
        return delta(index, id, name, fragment.arguments());
    }

    /** The deltas for the answer's calls that were not streamed (all of them for a provider that streams none). */
    List<JsonObject> remaining(List<ToolCall> calls) {
        List<JsonObject> deltas = new ArrayList<>();
        for (int index = indices.size(); index < calls.size(); index++) {
            if (legacyFunctions && index > 0) {
                break;
            }
            ToolCall call = calls.get(index);
            deltas.add(delta(index, OpenAiResponses.callId(call), call.name(), ""));
            deltas.add(delta(index, null, null, call.argumentsJson()));
        }
        return deltas;
    }

    private JsonObject delta(int index, String id, String name, String arguments) {
        JsonObjectBuilder function = JSON.createObjectBuilder();
        if (name != null) {
            function.add("name", name);
        }
        function.add("arguments", arguments);
        if (legacyFunctions) {
            return JSON.createObjectBuilder().add("function_call", function).build();
        }
        JsonObjectBuilder call = JSON.createObjectBuilder().add("index", index);
        if (id != null) {
            call.add("id", id).add("type", "function");
        }
        return JSON.createObjectBuilder()
                .add("tool_calls", JSON.createArrayBuilder().add(call.add("function", function)))
                .build();
    }
}
