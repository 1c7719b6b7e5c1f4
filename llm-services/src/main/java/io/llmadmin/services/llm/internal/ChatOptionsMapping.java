package io.llmadmin.services.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.anthropic.AnthropicChatRequestParameters;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ChatOptions} per provider: which options each provider's LangChain4j module can carry (the rest are refused,
 * naming the option and the model, before anything is sent) and the request parameters that carry them. A neutral value
 * (no stop sequence, an empty logit bias, {@code logprobs: false}, {@code parallel_tool_calls: true}) is no option and
 * is accepted everywhere.
 */
final class ChatOptionsMapping {

    private static final Set<ProviderRoute> OPENAI_WIRE = Set.of(ProviderRoute.OPENAI, ProviderRoute.OPENAI_COMPATIBLE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatOptionsMapping() {}

    /** Refuses what the model's provider cannot honour. */
    static void check(ChatCall call, ModelConfiguration model) {
        ChatOptions options = call.options();
        ProviderRoute route = LangChain4jModelFactory.routeOf(model);
        boolean openAi = OPENAI_WIRE.contains(route);
        requireOn(openAi || route == ProviderRoute.OLLAMA, options.seed() != null, "seed", model);
        requireOn(openAi, options.frequencyPenalty() != null, "frequency_penalty", model);
        requireOn(openAi, options.presencePenalty() != null, "presence_penalty", model);
        requireOn(openAi, !options.logitBias().isEmpty(), "logit_bias", model);
        requireOn(openAi, Boolean.TRUE.equals(options.logprobs()), "logprobs", model);
        requireOn(openAi, options.topLogprobs() != null && options.topLogprobs() > 0, "top_logprobs", model);
        requireOn(openAi, options.reasoningEffort() != null, "reasoning_effort", model);
        // Only OpenAI's wire answers several choices in one call (read back from its body by OpenAiChoices).
        requireOn(openAi, options.choiceCount() > 1, "n", model);
        // A JSON schema goes to every provider here as its own structured output: OpenAI's as sent, LangChain4j's
        // Gemini, Ollama, Mistral and Anthropic (output_config.format) modules from its JsonSchema.
        requireOn(
                openAi,
                Boolean.TRUE.equals(options.store()) || !options.metadata().isEmpty(),
                "store",
                model);
        requireOn(
                openAi || route == ProviderRoute.ANTHROPIC,
                Boolean.FALSE.equals(options.parallelToolCalls()),
                "parallel_tool_calls",
                model);
        ChatOptions.ToolChoice choice = options.toolChoice();
        if (choice != null && choice.mode() != ChatOptions.ToolChoice.Mode.AUTO) {
            if (call.tools().isEmpty() && choice.mode() != ChatOptions.ToolChoice.Mode.NONE) {
                throw new InvalidLlmRequestException(
                        "tool_choice", "tool_choice asks for a tool but no tools are given");
            }
            if (choice.mode() == ChatOptions.ToolChoice.Mode.FUNCTION
                    && call.tools().stream().noneMatch(tool -> tool.name().equals(choice.function()))) {
                throw new InvalidLlmRequestException(
                        "tool_choice", "tool_choice names '" + choice.function() + "', which is not among the tools");
            }
            requireOn(
                    route != ProviderRoute.OLLAMA || choice.mode() == ChatOptions.ToolChoice.Mode.NONE,
                    true,
                    "tool_choice",
                    model);
        }
        if (route == ProviderRoute.ANTHROPIC && call.jsonOutput()) {
            // Anthropic's structured output needs a schema; LangChain4j's module throws on a schemaless JSON format.
            throw new InvalidLlmRequestException(
                    "response_format",
                    "response_format json_object is not supported by model '" + model.catalogId()
                            + "' (provider 'anthropic'): send a json_schema instead");
        }
        if (options.responseSchema() != null && call.jsonOutput()) {
            throw new InvalidLlmRequestException(
                    "response_format", "response_format is either json_object or json_schema");
        }
    }

    private static void requireOn(boolean supported, boolean set, String parameter, ModelConfiguration model) {
        if (set && !supported) {
            throw new InvalidLlmRequestException(
                    parameter,
                    parameter + " is not supported by model '" + model.catalogId() + "' (provider '" + model.provider()
                            + "')");
        }
    }

    /** The request parameters of a (checked) call for this provider. */
    static ChatRequestParameters parameters(ChatCall call, ProviderRoute route) {
        ChatOptions options = call.options();
        DefaultChatRequestParameters.Builder<?> parameters = builderFor(call, route);
        boolean openAi = OPENAI_WIRE.contains(route);
        parameters.temperature(call.temperature()).topP(call.topP());
        if (!(openAi && options.maxCompletionTokens())) {
            parameters.maxOutputTokens(call.maxTokens());
        }
        if (!options.stop().isEmpty()) {
            parameters.stopSequences(options.stop());
        }
        parameters.frequencyPenalty(options.frequencyPenalty()).presencePenalty(options.presencePenalty());
        if (options.responseSchema() != null && openAi) {
            // Sent as the client wrote it (strict flag included) through the builder's custom parameters.
        } else if (options.responseSchema() != null) {
            ChatOptions.ResponseSchema schema = options.responseSchema();
            parameters.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder()
                            .name(schema.name())
                            .rootElement(JsonSchemas.element(schema.schemaJson(), "response_format"))
                            .build())
                    .build());
        } else if (call.jsonOutput()) {
            parameters.responseFormat(ResponseFormat.JSON);
        }
        List<ToolSpecification> tools =
                call.tools().stream().map(Conversions::toTool).toList();
        ChatOptions.ToolChoice choice = options.toolChoice();
        ChatOptions.ToolChoice.Mode mode = choice == null ? ChatOptions.ToolChoice.Mode.AUTO : choice.mode();
        switch (mode) {
            case AUTO -> {
                if (!tools.isEmpty()) {
                    parameters.toolSpecifications(tools);
                }
            }
            case NONE -> {
                // OpenAI keeps the tools in view and is told not to call them; the other providers are not shown them.
                if (openAi && !tools.isEmpty()) {
                    parameters.toolSpecifications(tools).toolChoice(ToolChoice.NONE);
                }
            }
            case REQUIRED -> parameters.toolSpecifications(tools).toolChoice(ToolChoice.REQUIRED);
            // One named function: only that tool is offered, and a tool call is required.
            case FUNCTION ->
                parameters
                        .toolSpecifications(tools.stream()
                                .filter(tool -> tool.name().equals(choice.function()))
                                .toList())
                        .toolChoice(ToolChoice.REQUIRED);
        }
        return parameters.build();
    }

    /** OpenAI's {@code response_format} of a structured answer, the schema exactly as the client sent it. */
    private static Map<String, Object> openAiResponseFormat(ChatOptions.ResponseSchema schema) {
        Map<String, Object> jsonSchema = new LinkedHashMap<>();
        jsonSchema.put("name", schema.name());
        try {
            jsonSchema.put("schema", JSON.readValue(schema.schemaJson(), Map.class));
        } catch (JsonProcessingException e) {
            throw new InvalidLlmRequestException("response_format", "response_format: the schema is not valid JSON");
        }
        jsonSchema.put("strict", schema.strict());
        return Map.of("type", "json_schema", "json_schema", jsonSchema);
    }

    private static DefaultChatRequestParameters.Builder<?> builderFor(ChatCall call, ProviderRoute route) {
        ChatOptions options = call.options();
        return switch (route) {
            case OPENAI, OPENAI_COMPATIBLE -> {
                OpenAiChatRequestParameters.Builder openAi = OpenAiChatRequestParameters.builder()
                        .seed(options.seed())
                        .parallelToolCalls(call.tools().isEmpty() ? null : options.parallelToolCalls())
                        .reasoningEffort(options.reasoningEffort())
                        .user(options.endUser())
                        .store(options.store())
                        .topLogprobs(options.topLogprobs());
                if (Boolean.TRUE.equals(options.logprobs())) {
                    openAi.logprobs(true);
                }
                if (!options.logitBias().isEmpty()) {
                    openAi.logitBias(options.logitBias());
                }
                if (!options.metadata().isEmpty()) {
                    openAi.metadata(options.metadata());
                }
                if (options.maxCompletionTokens()) {
                    openAi.maxCompletionTokens(call.maxTokens());
                }
                // LangChain4j's OpenAI parameters have neither OpenAI's own response_format nor n: both go as sent.
                Map<String, Object> custom = new LinkedHashMap<>();
                if (options.responseSchema() != null) {
                    custom.put("response_format", openAiResponseFormat(options.responseSchema()));
                }
                if (options.choiceCount() > 1) {
                    custom.put("n", options.choiceCount());
                }
                if (!custom.isEmpty()) {
                    openAi.customParameters(custom);
                }
                yield openAi;
            }
            case ANTHROPIC ->
                AnthropicChatRequestParameters.builder()
                        .disableParallelToolUse(Boolean.FALSE.equals(options.parallelToolCalls()) ? true : null);
            case OLLAMA -> OllamaChatRequestParameters.builder().seed(options.seed());
            default -> ChatRequestParameters.builder();
        };
    }
}
