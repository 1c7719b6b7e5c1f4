package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import java.util.List;
import java.util.Map;

/**
 * The less common parameters of a chat call, kept apart from {@link ChatCall}'s sampling basics so that a caller who
 * needs none of them never sees them. Every field is optional (null or empty: the provider's default). The chat service
 * refuses a value the model's provider cannot honour with an {@link InvalidLlmRequestException} naming it, rather than
 * dropping it.
 *
 * @param toolChoice whether and which tool the model must call; null for the provider's default (auto)
 * @param parallelToolCalls whether the model may call several tools in one turn; null for the provider's default
 * @param stop sequences that end the answer (at most 4)
 * @param seed asks for reproducible sampling
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param logitBias token id to a bias of -100 to 100
 * @param logprobs whether to return the output tokens' log probabilities
 * @param topLogprobs how many alternatives per token, 0 to 20
 * @param reasoningEffort how hard a reasoning model thinks ({@code minimal}, {@code low}, {@code medium},
 *     {@code high})
 * @param responseSchema the JSON Schema the answer must follow (structured output); null for none
 * @param maxCompletionTokens whether the call's {@code maxTokens} goes upstream as OpenAI's newer
 *     {@code max_completion_tokens} (which reasoning models require) instead of {@code max_tokens}
 * @param store whether an OpenAI provider may keep the completion (OpenAI's {@code store})
 * @param metadata tags an OpenAI provider keeps with a stored completion
 * @param endUser the end user the caller acts for (OpenAI's {@code user}); also recorded with the usage
 * @param choices how many answers to generate (OpenAI's {@code n}); null for one
 */
public record ChatOptions(
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        List<String> stop,
        Integer seed,
        Double frequencyPenalty,
        Double presencePenalty,
        Map<String, Integer> logitBias,
        Boolean logprobs,
        Integer topLogprobs,
        String reasoningEffort,
        ResponseSchema responseSchema,
        boolean maxCompletionTokens,
        Boolean store,
        Map<String, String> metadata,
        String endUser,
        Integer choices) {

    /** No option set: every provider default. */
    public static final ChatOptions NONE = new ChatOptions(
            null, null, null, null, null, null, null, null, null, null, null, false, null, null, null, null);

    /** How many answers the call asks for: 1 unless {@code choices} asks for more. */
    public int choiceCount() {
        return choices == null ? 1 : choices;
    }

    public ChatOptions {
        stop = List.copyOf(stop == null ? List.of() : stop);
        logitBias = Map.copyOf(logitBias == null ? Map.of() : logitBias);
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        if (stop.size() > 4) {
            throw new InvalidLlmRequestException("stop", "stop holds at most 4 sequences, was " + stop.size());
        }
        if (stop.stream().anyMatch(sequence -> sequence == null || sequence.isEmpty())) {
            throw new InvalidLlmRequestException("stop", "a stop sequence must not be empty");
        }
        if (choices != null && (choices < 1 || choices > 128)) {
            throw new InvalidLlmRequestException("n", "n must be 1 to 128, was " + choices);
        }
        // One choice is no option: a call asking for one equals a call asking for none.
        choices = choices != null && choices == 1 ? null : choices;
        requireRange("frequency_penalty", frequencyPenalty, -2, 2);
        requireRange("presence_penalty", presencePenalty, -2, 2);
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > 20)) {
            throw new InvalidLlmRequestException("top_logprobs", "top_logprobs must be 0 to 20, was " + topLogprobs);
        }
        logitBias.forEach((token, bias) -> {
            if (bias == null || bias < -100 || bias > 100) {
                throw new InvalidLlmRequestException(
                        "logit_bias", "logit_bias values must be -100 to 100, was " + bias + " for " + token);
            }
        });
        if (reasoningEffort != null
                && !List.of("minimal", "low", "medium", "high").contains(reasoningEffort)) {
            throw new InvalidLlmRequestException(
                    "reasoning_effort",
                    "reasoning_effort must be minimal, low, medium or high, was '" + reasoningEffort + "'");
        }
    }

    private static void requireRange(String name, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new InvalidLlmRequestException(
                    name, name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** Whether some option is set at all. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Whether and which tool the model must call.
     *
     * @param mode auto, none, required, or one named function
     * @param function the function's name, for {@link Mode#FUNCTION} only
     */
    public record ToolChoice(Mode mode, String function) {

        public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
        public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
        public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

        public ToolChoice {
            if (mode == null) {
                throw new InvalidLlmRequestException("tool_choice", "tool_choice needs a mode");
            }
            if ((mode == Mode.FUNCTION) != (function != null && !function.isBlank())) {
                throw new InvalidLlmRequestException(
                        "tool_choice", "tool_choice names a function exactly when it asks for one");
            }
        }

        public static ToolChoice function(String name) {
            return new ToolChoice(Mode.FUNCTION, name);
        }

        /** What the model may do with the offered tools. */
        public enum Mode {
            AUTO,
            NONE,
            REQUIRED,
            FUNCTION
        }
    }

    /**
     * Structured output: the answer is one JSON value that follows {@code schemaJson}.
     *
     * @param name the schema's name (OpenAI requires one)
     * @param schemaJson the JSON Schema, as JSON text
     * @param strict whether the provider must follow the schema exactly (OpenAI's strict mode)
     */
    public record ResponseSchema(String name, String schemaJson, boolean strict) {

        public ResponseSchema {
            if (name == null || name.isBlank()) {
                throw new InvalidLlmRequestException("response_format", "response_format.json_schema needs a name");
            }
            if (schemaJson == null || schemaJson.isBlank()) {
                throw new InvalidLlmRequestException("response_format", "response_format.json_schema needs a schema");
            }
        }
    }
}
