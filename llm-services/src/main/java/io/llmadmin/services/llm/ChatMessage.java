package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import java.util.List;

/**
 * One message of a conversation. Use the factories; the canonical constructor checks that the fields fit the role.
 *
 * @param role who said it
 * @param text its text; empty only for an assistant message that just calls tools
 * @param imageUrls images attached to a user message ({@code https:} or {@code data:} URLs); needs a vision model
 * @param toolCalls the tools an assistant message calls
 * @param toolCallId for a tool message: the id of the call it answers
 * @param toolName for a tool message: the tool that answered
 */
public record ChatMessage(
        ChatRole role,
        String text,
        List<String> imageUrls,
        List<ToolCall> toolCalls,
        String toolCallId,
        String toolName) {

    public ChatMessage {
        if (role == null) {
            throw new InvalidLlmRequestException("role", "every message needs a role");
        }
        text = text == null ? "" : text;
        imageUrls = List.copyOf(imageUrls == null ? List.of() : imageUrls);
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        if (!imageUrls.isEmpty() && role != ChatRole.USER) {
            throw new InvalidLlmRequestException("images", "only user messages may carry images");
        }
        if (!toolCalls.isEmpty() && role != ChatRole.ASSISTANT) {
            throw new InvalidLlmRequestException("toolCalls", "only assistant messages may call tools");
        }
        if (role == ChatRole.TOOL && (toolCallId == null || toolCallId.isBlank())) {
            throw new InvalidLlmRequestException("toolCallId", "a tool message must name the call it answers");
        }
        if (text.isEmpty() && toolCalls.isEmpty() && role != ChatRole.TOOL) {
            throw new InvalidLlmRequestException("content", "a " + role.wireName() + " message needs text");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(ChatRole.SYSTEM, text, List.of(), List.of(), null, null);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(ChatRole.USER, text, List.of(), List.of(), null, null);
    }

    /** A user message with images attached ({@code https:} or {@code data:image/...;base64,} URLs). */
    public static ChatMessage user(String text, List<String> imageUrls) {
        return new ChatMessage(ChatRole.USER, text, imageUrls, List.of(), null, null);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(ChatRole.ASSISTANT, text, List.of(), List.of(), null, null);
    }

    /** An assistant turn that called tools (as returned in {@link ChatResult#toolCalls()}). */
    public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
        return new ChatMessage(ChatRole.ASSISTANT, text, List.of(), toolCalls, null, null);
    }

    /** The result of a tool call, answering {@code toolCallId}. */
    public static ChatMessage toolResult(String toolCallId, String toolName, String text) {
        return new ChatMessage(ChatRole.TOOL, text, List.of(), List.of(), toolCallId, toolName);
    }

    /** Text and tool calls only, so a long conversation never floods a log. */
    @Override
    public String toString() {
        return "ChatMessage[" + role.wireName() + ", " + text.length() + " chars, " + imageUrls.size() + " images, "
                + toolCalls.size() + " tool calls]";
    }
}
