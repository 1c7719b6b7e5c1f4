package io.llmadmin.services.llm;

import io.llmadmin.services.errors.RateLimitHeadroom;
import java.util.List;
import java.util.Optional;

/**
 * The answer of a chat call.
 *
 * @param model the catalog id of the model that answered (a fallback when the asked one failed)
 * @param response the answer's text, without reasoning
 * @param reasoning the model's reasoning (native or from a leading {@code <think>} block); empty when none
 * @param toolCalls the tools the model asks to call; empty when none
 * @param usage the provider's token counts, when it reported them
 * @param finishReason why the model stopped ({@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}, ...), when known
 * @param logprobsJson the answer's log probabilities as the provider returned them (OpenAI's {@code logprobs} object,
 *     as JSON text), when asked for and returned; null otherwise
 * @param otherChoices the answers of the further choices, when the call asked for several ({@code n}): choice 1, 2, ...
 *     (this answer is choice 0); each without usage, which this answer's counts cover for all of them
 * @param rateLimits what the per-minute limits of the model that answered had left right after the call was admitted
 *     (none when it has no limits, and for an answer that did not come from the model, such as a cached one)
 */
public record ChatResult(
        String model,
        String response,
        String reasoning,
        List<ToolCall> toolCalls,
        Optional<TokenUsage> usage,
        Optional<String> finishReason,
        String logprobsJson,
        List<ChatResult> otherChoices,
        RateLimitHeadroom rateLimits) {

    /** An answer, without what the limits had left. */
    public ChatResult(
            String model,
            String response,
            String reasoning,
            List<ToolCall> toolCalls,
            Optional<TokenUsage> usage,
            Optional<String> finishReason,
            String logprobsJson,
            List<ChatResult> otherChoices) {
        this(
                model,
                response,
                reasoning,
                toolCalls,
                usage,
                finishReason,
                logprobsJson,
                otherChoices,
                RateLimitHeadroom.NONE);
    }

    /** One answer. */
    public ChatResult(
            String model,
            String response,
            String reasoning,
            List<ToolCall> toolCalls,
            Optional<TokenUsage> usage,
            Optional<String> finishReason,
            String logprobsJson) {
        this(model, response, reasoning, toolCalls, usage, finishReason, logprobsJson, List.of());
    }

    /** One answer, without log probabilities. */
    public ChatResult(
            String model,
            String response,
            String reasoning,
            List<ToolCall> toolCalls,
            Optional<TokenUsage> usage,
            Optional<String> finishReason) {
        this(model, response, reasoning, toolCalls, usage, finishReason, null);
    }

    public ChatResult {
        response = response == null ? "" : response;
        reasoning = reasoning == null ? "" : reasoning;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        usage = usage == null ? Optional.empty() : usage;
        finishReason = finishReason == null ? Optional.empty() : finishReason;
        otherChoices = List.copyOf(otherChoices == null ? List.of() : otherChoices);
        rateLimits = rateLimits == null ? RateLimitHeadroom.NONE : rateLimits;
    }

    /** This answer with the provider's log probabilities (OpenAI's {@code logprobs} object as JSON text). */
    public ChatResult withLogprobsJson(String logprobs) {
        return new ChatResult(
                model, response, reasoning, toolCalls, usage, finishReason, logprobs, otherChoices, rateLimits);
    }

    /** This answer (choice 0) with the further choices of a call that asked for several. */
    public ChatResult withOtherChoices(List<ChatResult> choices) {
        return new ChatResult(
                model, response, reasoning, toolCalls, usage, finishReason, logprobsJson, choices, rateLimits);
    }

    /** This answer with what the answering model's limits had left at its admission. */
    public ChatResult withRateLimits(RateLimitHeadroom headroom) {
        return new ChatResult(
                model, response, reasoning, toolCalls, usage, finishReason, logprobsJson, otherChoices, headroom);
    }
}
