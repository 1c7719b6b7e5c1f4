package io.llmadmin.services.sessions;

import io.llmadmin.services.llm.ChatRole;
import java.time.OffsetDateTime;

/**
 * One stored message of a session.
 *
 * @param position its place in the session, from 0
 * @param role who said it
 * @param content what was said
 * @param reasoning the model's reasoning behind an assistant message, or null
 * @param toolCallId for a tool message, the call it answers; otherwise null
 * @param createdAt when it was stored
 */
public record SessionMessage(
        int position, ChatRole role, String content, String reasoning, String toolCallId, OffsetDateTime createdAt) {}
