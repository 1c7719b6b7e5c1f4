package io.llmadmin.services.sessions;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ChatResult;
import java.util.List;

/**
 * Multi-turn conversations persisted with their messages. Unknown sessions fail with {@link LlmNotFoundException};
 * bad input (a blank owner, an unknown role, a tool message without its call id) with an
 * {@link InvalidLlmRequestException} naming the field.
 */
public interface ChatSessions {

    /**
     * Starts a session.
     *
     * @param owner who it belongs to
     * @param model the catalog id of the chat model that answers
     * @param title a name for people, or null
     * @param systemPrompt stored as the first (system) message when not blank
     */
    SessionView create(String owner, String model, String title, String systemPrompt);

    /** One session with its messages. */
    SessionView get(String sessionId);

    /** The sessions of one owner, most recently changed first. */
    List<SessionView> list(String owner);

    /**
     * Adds a message without calling the model (a system instruction, a tool result).
     *
     * @param role {@code user}, {@code assistant}, {@code system} or {@code tool}
     * @param toolCallId required for a tool message
     */
    SessionMessage add(String sessionId, String role, String content, String toolCallId);

    /**
     * Sends a user turn: the model gets the whole history plus {@code userText}; when it answers, the user turn and
     * the answer (with its reasoning) are stored in one transaction. When the call fails, nothing is stored and the
     * {@link LlmException} is thrown.
     */
    ChatResult send(String sessionId, String userText, String caller);

    /** Forgets every message of a session; the session stays. */
    void clear(String sessionId);

    /** Deletes a session and its messages. */
    void delete(String sessionId);
}
