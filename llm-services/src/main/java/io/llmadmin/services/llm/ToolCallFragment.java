package io.llmadmin.services.llm;

/**
 * A piece of a tool call as the provider streams it, so that a client sees the call's arguments grow as the model
 * writes them instead of all at once when it has finished.
 *
 * @param index the call's position among the answer's tool calls (0 for the first)
 * @param id the provider's id of the call, when it has sent one (null otherwise)
 * @param name the tool's name, when the provider has sent it (null otherwise)
 * @param arguments the next piece of the arguments' JSON text (may be empty)
 */
public record ToolCallFragment(int index, String id, String name, String arguments) {

    public ToolCallFragment {
        arguments = arguments == null ? "" : arguments;
    }
}
