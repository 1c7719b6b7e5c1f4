package io.llmadmin.services.llm;

import java.util.List;
import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param name the tool's name, as the model will use it
 * @param description what the tool does, for the model
 * @param parameters its parameters, in order (simple tools); ignored when {@code parametersSchemaJson} is set
 * @param parametersSchemaJson its parameters as a JSON Schema object (JSON text), as OpenAI's {@code tools} carry
 *     them; null for {@code parameters}
 * @param strict whether the provider must follow the schema exactly (OpenAI's strict mode)
 */
public record ToolSpec(
        String name, String description, List<Parameter> parameters, String parametersSchemaJson, boolean strict) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        parametersSchemaJson =
                parametersSchemaJson == null || parametersSchemaJson.isBlank() ? null : parametersSchemaJson;
    }

    /** A tool with simple typed parameters. */
    public ToolSpec(String name, String description, List<Parameter> parameters) {
        this(name, description, parameters, null, false);
    }

    /** A tool whose parameters are a JSON Schema object (JSON text). */
    public static ToolSpec withSchema(String name, String description, String parametersSchemaJson, boolean strict) {
        return new ToolSpec(name, description, List.of(), parametersSchemaJson, strict);
    }

    /** The JSON types a tool parameter may have. */
    public enum ParameterType {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN
    }

    /**
     * One parameter of a tool.
     *
     * @param name its name
     * @param type its JSON type
     * @param description what it means, for the model
     * @param required whether the model must supply it
     */
    public record Parameter(String name, ParameterType type, String description, boolean required) {

        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            description = description == null ? "" : description;
        }
    }
}
