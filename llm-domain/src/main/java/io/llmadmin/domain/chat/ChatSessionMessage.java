package io.llmadmin.domain.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One message of a {@link ChatSession}, at a fixed position; created only through {@link ChatSession#append}. */
@Entity
@Table(name = "chat_session_message")
public class ChatSessionMessage {

    @Id
    @SequenceGenerator(
            name = "chat_session_message_seq",
            sequenceName = "chat_session_message_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_session_message_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private ChatSession session;

    @Column(name = "ordinal", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_role", nullable = false, length = 20)
    private MessageRole role;

    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "reasoning")
    private String reasoning;

    @Column(name = "tool_call_id", length = 100)
    private String toolCallId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For JPA only. */
    protected ChatSessionMessage() {}

    ChatSessionMessage(
            ChatSession session, int position, MessageRole role, String content, String reasoning, String toolCallId) {
        this.session = Objects.requireNonNull(session, "session");
        this.position = position;
        this.role = Objects.requireNonNull(role, "role");
        this.content = content == null ? "" : content;
        if (this.content.isEmpty() && role != MessageRole.TOOL) {
            throw new IllegalArgumentException("a " + role.wireName() + " message needs content");
        }
        this.reasoning = reasoning == null || reasoning.isEmpty() ? null : reasoning;
        if (role == MessageRole.TOOL && (toolCallId == null || toolCallId.isBlank())) {
            throw new IllegalArgumentException("a tool message must name the call it answers (toolCallId)");
        }
        if (toolCallId != null && toolCallId.length() > 100) {
            throw new IllegalArgumentException("toolCallId must be at most 100 characters");
        }
        this.toolCallId = role == MessageRole.TOOL ? toolCallId : null;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    @PrePersist
    void onCreate() {
        if (createdAt == null) {
            createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public MessageRole role() {
        return role;
    }

    public String content() {
        return content;
    }

    /** The model's reasoning behind an assistant message, or null. */
    public String reasoning() {
        return reasoning;
    }

    /** For a tool message: the id of the tool call it answers; otherwise null. */
    public String toolCallId() {
        return toolCallId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "ChatSessionMessage[" + position + ", " + role.wireName() + ", " + content.length() + " chars]";
    }
}
