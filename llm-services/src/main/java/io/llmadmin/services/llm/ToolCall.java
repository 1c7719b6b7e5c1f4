package io.llmadmin.services.llm;

import java.util.Objects;

/**
 * A model's request to call one of the offered tools.
 *
 * @param id the provider's id of this call, echoed back in the tool's result message
 * @param name the tool's name
 * @param argumentsJson the arguments as a JSON object text
 */
public record ToolCall(String id, String name, String argumentsJson) {

    public ToolCall {
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
