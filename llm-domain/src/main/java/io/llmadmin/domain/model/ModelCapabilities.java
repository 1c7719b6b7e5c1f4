package io.llmadmin.domain.model;

/**
 * What a model can do, as declared by the admin: the services check a call against it before sending it.
 *
 * @param streaming answers token by token (server-sent events)
 * @param vision accepts images in the prompt
 * @param tools accepts tool (function) definitions and answers with tool calls
 * @param jsonOutput can be asked for a JSON object as its answer
 * @param reasoning is a reasoning model (takes a reasoning effort, may ignore temperature)
 */
public record ModelCapabilities(
        boolean streaming, boolean vision, boolean tools, boolean jsonOutput, boolean reasoning) {

    /** What a new model is assumed to do until told otherwise: stream text, nothing more. */
    public static final ModelCapabilities DEFAULT = new ModelCapabilities(true, false, false, false, false);
}
