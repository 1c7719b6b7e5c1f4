package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.web.json.JsonBodies;
import io.llmadmin.web.json.JsonBodyException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OpenAI's chat completion request, read into a {@link ChatCall}. Every parameter is either carried to the model or
 * refused with a 400 naming it, never ignored: what the model's provider cannot honour is refused by the chat service,
 * what no provider here can (audio output, predicted outputs) is refused here. A neutral value (an
 * empty {@code tools} or {@code stop}, {@code logprobs: false}, {@code logit_bias: {}}, {@code n: 1}, a zero penalty)
 * is always accepted.
 *
 * @param call the call to make, with the caller set
 * @param stream whether the answer is streamed as server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage})
 * @param legacyFunctions whether the request used the legacy {@code functions}: the answer then says
 *     {@code function_call}
 */
public record ChatCompletionRequest(ChatCall call, boolean stream, boolean includeUsage, boolean legacyFunctions) {

    /**
     * Hints to OpenAI's prompt cache and abuse checks, taken by both of its generation APIs and sent by clients that
     * group their calls (the Agents SDK, LangChain): they change no answer, so a provider never needs them. They are
     * accepted when they are strings, and not forwarded.
     */
    static final List<String> HINTS = List.of("prompt_cache_key", "prompt_cache_retention", "safety_identifier");

    /** Parameters no provider behind this gateway can honour: refused unless null. */
    private static final Set<String> NOT_SUPPORTED = Set.of("audio", "prediction", "web_search_options");

    /**
     * Every parameter this gateway reads, or accepts as a hint that does not change the answer ({@link #HINTS}). Any
     * other one with a value is refused as OpenAI refuses an unknown one (a newer parameter such as {@code verbosity}
     * would otherwise be dropped silently).
     */
    private static final Set<String> READ = withHints(
            "model",
            "messages",
            "stream",
            "stream_options",
            "n",
            "temperature",
            "top_p",
            "max_tokens",
            "max_completion_tokens",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "functions",
            "function_call",
            "stop",
            "seed",
            "frequency_penalty",
            "presence_penalty",
            "logit_bias",
            "logprobs",
            "top_logprobs",
            "reasoning_effort",
            "response_format",
            "store",
            "metadata",
            "user",
            "modalities",
            "service_tier");

    /** These parameter names and the {@link #HINTS}. */
    static Set<String> withHints(String... names) {
        return Stream.concat(Stream.of(names), HINTS.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The catalog id a request names, before anything else is read; null when there is none. */
    static String modelOf(JsonObject request) {
        JsonValue model = request.get("model");
        return model instanceof JsonString text && !text.getString().isBlank() ? text.getString() : null;
    }

    /** The body as a JSON object (one reading path with a depth limit, see {@link JsonBodies}), or a 400. */
    static JsonObject object(String body) {
        try {
            return JsonBodies.object(body);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(null, "The request body " + e.fieldMessage() + ".");
        }
    }

    /**
     * Reads a request.
     *
     * @param request the body
     * @param caller who calls, for usage records
     * @throws OpenAiException a 400 naming the parameter at fault
     */
    static ChatCompletionRequest parse(JsonObject request, String caller) {
        String model = modelOf(request);
        if (model == null) {
            throw OpenAiException.invalid("model", "you must provide a model parameter (a catalog id)");
        }
        JsonFields.requireKnown(request, READ, NOT_SUPPORTED);
        Integer n = JsonFields.integer(request, "n", 1);
        boolean stream = Boolean.TRUE.equals(JsonFields.bool(request, "stream"));
        List<String> modalities = JsonFields.strings(request, "modalities");
        if (!modalities.isEmpty() && !modalities.equals(List.of("text"))) {
            throw OpenAiException.invalid("modalities", "modalities must be [\"text\"]: this gateway answers in text");
        }
        requireDefaultServiceTier(request);
        requireStringHints(request);
        Integer maxCompletionTokens = JsonFields.integer(request, "max_completion_tokens", 1);
        Integer maxTokens =
                maxCompletionTokens != null ? maxCompletionTokens : JsonFields.integer(request, "max_tokens", 1);
        ToolParameters tools = ToolParameters.read(request);
        String user = JsonFields.string(request, "user", "user");
        try {
            ChatOptions options = new ChatOptions(
                    tools.choice(),
                    JsonFields.bool(request, "parallel_tool_calls"),
                    JsonFields.strings(request, "stop"),
                    JsonFields.seed(request),
                    nonZero(JsonFields.number(request, "frequency_penalty")),
                    nonZero(JsonFields.number(request, "presence_penalty")),
                    logitBias(request),
                    JsonFields.bool(request, "logprobs"),
                    topLogprobs(request),
                    JsonFields.string(request, "reasoning_effort", "reasoning_effort"),
                    ResponseFormats.schema(request),
                    maxCompletionTokens != null,
                    JsonFields.bool(request, "store"),
                    metadata(request),
                    user,
                    n);
            return new ChatCompletionRequest(
                    ChatCall.builder(model)
                            .messages(ChatMessages.read(request))
                            .temperature(JsonFields.number(request, "temperature"))
                            .topP(JsonFields.number(request, "top_p"))
                            .maxTokens(maxTokens)
                            .jsonOutput(ResponseFormats.jsonObject(request))
                            .tools(tools.tools())
                            .caller(callerOf(caller, user))
                            .options(options)
                            .build(),
                    stream,
                    includeUsage(request),
                    tools.legacy());
        } catch (InvalidLlmRequestException e) {
            throw OpenAiException.invalid(OpenAiErrorMappers.openAiParameter(e.parameter()), e.getMessage());
        }
    }

    /**
     * {@code service_tier} {@code auto} or {@code default} (what every provider here gives anyway); another tier (flex,
     * scale, priority) is a promise about the provider's processing no call here can keep, so it is refused.
     */
    static void requireDefaultServiceTier(JsonObject request) {
        String serviceTier = JsonFields.string(request, "service_tier", "service_tier");
        if (serviceTier != null && !serviceTier.equals("auto") && !serviceTier.equals("default")) {
            throw OpenAiException.invalid("service_tier", "service_tier must be 'auto' or 'default' here");
        }
    }

    /** The {@link #HINTS}, when present, are strings (a 400 naming the one that is not). */
    static void requireStringHints(JsonObject request) {
        HINTS.forEach(hint -> JsonFields.string(request, hint, hint));
    }

    /** The key's caller, and the end user it names ({@code user}) when there is one: usage is recorded per both. */
    static String callerOf(String caller, String user) {
        if (user == null || user.isBlank()) {
            return caller;
        }
        String trimmed = user.strip();
        return caller + "/" + (trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed);
    }

    /** A zero penalty is every provider's default: no option at all, so any model takes it. */
    private static Double nonZero(Double penalty) {
        return penalty == null || penalty == 0 ? null : penalty;
    }

    private static Integer topLogprobs(JsonObject request) {
        Integer top = JsonFields.integer(request, "top_logprobs", 0);
        return top == null || top == 0 ? null : top;
    }

    private static Map<String, Integer> logitBias(JsonObject request) {
        JsonObject bias = JsonFields.object(request, "logit_bias", "logit_bias");
        Map<String, Integer> biases = new LinkedHashMap<>();
        if (bias != null) {
            bias.forEach((token, value) -> {
                if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                    throw OpenAiException.invalid("logit_bias", "logit_bias maps token ids to integers");
                }
                biases.put(token, number.intValue());
            });
        }
        return biases;
    }

    /** {@code metadata}: string values only, as OpenAI takes them; empty when absent. */
    static Map<String, String> metadata(JsonObject request) {
        JsonObject metadata = JsonFields.object(request, "metadata", "metadata");
        Map<String, String> tags = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((name, value) -> {
                if (!(value instanceof JsonString text)) {
                    throw OpenAiException.invalid("metadata", "metadata values must be strings");
                }
                tags.put(name, text.getString());
            });
        }
        return tags;
    }

    private static boolean includeUsage(JsonObject request) {
        JsonValue options = request.get("stream_options");
        return options instanceof JsonObject object
                && object.containsKey("include_usage")
                && object.get("include_usage").getValueType() == JsonValue.ValueType.TRUE;
    }
}
