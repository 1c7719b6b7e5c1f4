package io.llmadmin.services.sessions.internal;

import io.llmadmin.domain.chat.ChatSession;
import io.llmadmin.domain.chat.ChatSessionMessage;
import io.llmadmin.domain.chat.MessageRole;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatRole;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.routing.RoutedChat;
import io.llmadmin.services.sessions.ChatSessions;
import io.llmadmin.services.sessions.SessionMessage;
import io.llmadmin.services.sessions.SessionView;
import io.llmadmin.services.transactions.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions in the database. {@link #send} reads the history in one short transaction, calls the model outside any
 * transaction, then stores the user turn and the answer in another (retried when a concurrent send changed the session
 * meanwhile), so a slow model never holds a connection and a failed call leaves nothing half-written.
 */
@ApplicationScoped
public class JpaChatSessions implements ChatSessions {

    private static final int STORE_ATTEMPTS = 3;

    private final EntityManager entityManager;
    private final RoutedChat chatService;
    private final TransactionRunner transactions;

    /** @param chatService resolves a session model that is a route, and answers from the response cache */
    @Inject
    public JpaChatSessions(EntityManager entityManager, RoutedChat chatService, TransactionRunner transactions) {
        this.entityManager = entityManager;
        this.chatService = chatService;
        this.transactions = transactions;
    }

    /** Straight to the chat service (no route, no cache). */
    JpaChatSessions(EntityManager entityManager, ChatService chatService, TransactionRunner transactions) {
        this(entityManager, RoutedChat.direct(chatService), transactions);
    }

    /** For the CDI proxy only. */
    protected JpaChatSessions() {
        this(null, (RoutedChat) null, null);
    }

    @Override
    public SessionView create(String owner, String model, String title, String systemPrompt) {
        requireText(owner, "owner");
        requireText(model, "model");
        if (title != null && title.length() > 255) {
            throw new InvalidLlmRequestException("title", "title must be at most 255 characters");
        }
        return transactions.inTransaction(() -> {
            ChatSession session = new ChatSession(owner, model, title);
            if (systemPrompt != null && !systemPrompt.isBlank()) {
                session.append(MessageRole.SYSTEM, systemPrompt, null, null);
            }
            entityManager.persist(session);
            entityManager.flush();
            return view(session);
        });
    }

    @Override
    public SessionView get(String sessionId) {
        return transactions.inTransaction(() -> view(load(sessionId)));
    }

    @Override
    public List<SessionView> list(String owner) {
        requireText(owner, "owner");
        return transactions.inTransaction(() -> entityManager
                .createQuery(
                        "SELECT s FROM ChatSession s WHERE s.owner = :owner ORDER BY s.updatedAt DESC, s.id DESC",
                        ChatSession.class)
                .setParameter("owner", owner)
                .getResultList()
                .stream()
                .map(JpaChatSessions::view)
                .toList());
    }

    @Override
    public SessionMessage add(String sessionId, String role, String content, String toolCallId) {
        MessageRole messageRole = MessageRole.fromWireName(role)
                .orElseThrow(() -> new InvalidLlmRequestException(
                        "role", "role must be one of " + MessageRole.wireNames() + ", was '" + role + "'"));
        return transactions.inTransaction(() -> {
            ChatSession session = load(sessionId);
            try {
                ChatSessionMessage message = session.append(messageRole, content, null, toolCallId);
                entityManager.flush();
                return view(message);
            } catch (IllegalArgumentException e) {
                throw new InvalidLlmRequestException(
                        messageRole == MessageRole.TOOL && e.getMessage().contains("toolCallId")
                                ? "toolCallId"
                                : "content",
                        e.getMessage());
            }
        });
    }

    @Override
    public ChatResult send(String sessionId, String userText, String caller) {
        requireText(userText, "content");
        ChatCall call = transactions.inTransaction(() -> {
            ChatSession session = load(sessionId);
            List<ChatMessage> history = new ArrayList<>();
            for (ChatSessionMessage message : session.messages()) {
                history.add(toChatMessage(message));
            }
            history.add(ChatMessage.user(userText));
            return ChatCall.builder(session.modelId())
                    .messages(history)
                    .caller(caller)
                    .build();
        });
        ChatResult result = chatService.chat(call);
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.inTransaction(() -> {
                    ChatSession session = load(sessionId);
                    session.append(MessageRole.USER, userText, null, null);
                    session.append(MessageRole.ASSISTANT, answerText(result), result.reasoning(), null);
                    entityManager.flush();
                    return null;
                });
                return result;
            } catch (OptimisticLockException e) {
                if (attempt >= STORE_ATTEMPTS) {
                    throw e;
                }
            } catch (PersistenceException e) {
                if (attempt >= STORE_ATTEMPTS || !(e.getCause() instanceof OptimisticLockException)) {
                    throw e;
                }
            }
        }
    }

    /** An answer that only called tools has no text; it is stored as a note so the history stays readable. */
    private static String answerText(ChatResult result) {
        if (!result.response().isEmpty()) {
            return result.response();
        }
        return result.toolCalls().isEmpty()
                ? "(empty answer)"
                : "(called tools: "
                        + result.toolCalls().stream().map(call -> call.name()).toList() + ")";
    }

    @Override
    public void clear(String sessionId) {
        transactions.inTransaction(() -> {
            load(sessionId).clear();
            return null;
        });
    }

    @Override
    public void delete(String sessionId) {
        transactions.inTransaction(() -> {
            entityManager.remove(load(sessionId));
            return null;
        });
    }

    private ChatSession load(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidLlmRequestException("sessionId", "sessionId must not be blank");
        }
        return entityManager
                .createQuery("SELECT s FROM ChatSession s WHERE s.publicId = :id", ChatSession.class)
                .setParameter("id", sessionId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new LlmNotFoundException("No chat session '" + sessionId + "'", null));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidLlmRequestException(field, field + " must not be blank");
        }
    }

    private static ChatMessage toChatMessage(ChatSessionMessage message) {
        return switch (message.role()) {
            case SYSTEM -> ChatMessage.system(message.content());
            case USER -> ChatMessage.user(message.content());
            case ASSISTANT -> ChatMessage.assistant(message.content());
            case TOOL -> ChatMessage.toolResult(message.toolCallId(), null, message.content());
        };
    }

    private static SessionView view(ChatSession session) {
        return new SessionView(
                session.publicId(),
                session.owner(),
                session.modelId(),
                session.title(),
                session.messages().stream().map(JpaChatSessions::view).toList(),
                session.createdAt(),
                session.updatedAt());
    }

    private static SessionMessage view(ChatSessionMessage message) {
        return new SessionMessage(
                message.position(),
                ChatRole.valueOf(message.role().name()),
                message.content(),
                message.reasoning(),
                message.toolCallId(),
                message.createdAt());
    }
}
