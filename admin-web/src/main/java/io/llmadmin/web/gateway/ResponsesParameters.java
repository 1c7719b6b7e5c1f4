package io.llmadmin.web.gateway;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * The top-level parameters of a Responses API request ({@code POST /responses}), checked before it is read: each is
 * read by {@link ResponsesRequest}, accepted because it cannot change the answer here, or refused with a 400 naming
 * it. As on chat completions, a parameter the gateway does not know is refused as OpenAI refuses an unknown one, so a
 * new parameter is never dropped behind the caller's back; {@code null} is always accepted.
 */
final class ResponsesParameters {

    /** Documented parameters that need state or features this gateway does not have: refused unless null. */
    private static final Set<String> NOT_SUPPORTED = Set.of("conversation", "prompt", "audio", "context_management");

    /**
     * Every parameter the gateway reads, or accepts as neutral: {@code include} (extra output of tools this gateway
     * refuses, or encrypted reasoning it never produces), {@code stream_options} (obfuscation padding only),
     * {@code max_tool_calls} (it bounds built-in tools only, which are refused), and
     * {@link ChatCompletionRequest#HINTS} (hints to OpenAI's cache and abuse checks that do not change the answer). What the official SDKs and the Agents SDK send by default is among them.
     */
    private static final Set<String> READ = ChatCompletionRequest.withHints(
            "model",
            "input",
            "instructions",
            "previous_response_id",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "text",
            "reasoning",
            "max_output_tokens",
            "temperature",
            "top_p",
            "user",
            "store",
            "stream",
            "metadata",
            "background",
            "truncation",
            "service_tier",
            "top_logprobs",
            "include",
            "stream_options",
            "max_tool_calls");

    /** The only {@code include} value asking for something a function-tool answer here would lack. */
    private static final String LOGPROBS = "message.output_text.logprobs";

    private ResponsesParameters() {}

    /**
     * Refuses a parameter that is unknown, not supported, or set to a value this gateway cannot honour.
     *
     * @throws OpenAiException a 400 naming the parameter
     */
    static void check(JsonObject request) {
        JsonFields.requireKnown(request, READ, NOT_SUPPORTED);
        if (Boolean.TRUE.equals(JsonFields.bool(request, "background"))) {
            throw OpenAiException.invalid("background", "'background' is not supported by this gateway");
        }
        String truncation = JsonFields.string(request, "truncation", "truncation");
        if (truncation != null && !truncation.equals("disabled")) {
            throw OpenAiException.invalid("truncation", "truncation must be 'disabled' here");
        }
        ChatCompletionRequest.requireDefaultServiceTier(request);
        Integer topLogprobs = JsonFields.integer(request, "top_logprobs", 0);
        if (topLogprobs != null && topLogprobs > 0) {
            throw OpenAiException.invalid(
                    "top_logprobs", "top_logprobs must be 0 here: /responses returns no log probabilities");
        }
        List<String> include = includes(request);
        if (include.contains(LOGPROBS)) {
            throw OpenAiException.invalid(
                    "include", "include '" + LOGPROBS + "' is not supported: /responses returns no log probabilities");
        }
        JsonFields.integer(request, "max_tool_calls", 0);
        JsonFields.object(request, "stream_options", "stream_options");
        ChatCompletionRequest.requireStringHints(request);
    }

    private static List<String> includes(JsonObject request) {
        if (!JsonFields.absent(request, "include")
                && request.get("include").getValueType() != JsonValue.ValueType.ARRAY) {
            throw OpenAiException.invalid("include", "include must be an array of strings");
        }
        return JsonFields.strings(request, "include");
    }
}
