package io.llmadmin.domain.chat;

import io.llmadmin.domain.support.RequiredText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A multi-turn conversation with one model: who owns it, which model answers, and its messages in order. Clients know
 * it by {@link #publicId()} (a UUID), never by the surrogate key.
 */
@Entity
@Table(name = "chat_session")
public class ChatSession {

    @Id
    @SequenceGenerator(name = "chat_session_seq", sequenceName = "chat_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_session_seq")
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 36)
    private String publicId;

    @Column(name = "owner_name", nullable = false, length = 100)
    private String owner;

    @Column(name = "model_id", nullable = false, length = 100)
    private String modelId;

    @Column(name = "title", length = 255)
    private String title;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position ASC")
    private List<ChatSessionMessage> messages = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ChatSession() {}

    /**
     * A new, empty session.
     *
     * @param owner who the session belongs to (a user name or API client id)
     * @param modelId the catalog id of the model that answers
     * @param title a name for people, or null
     */
    public ChatSession(String owner, String modelId, String title) {
        this.publicId = UUID.randomUUID().toString();
        this.owner = RequiredText.require(owner, "owner", 100);
        this.modelId = RequiredText.require(modelId, "model", 100);
        this.title = title == null || title.isBlank() ? null : RequiredText.require(title, "title", 255);
    }

    @PrePersist
    void onCreate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Adds a message at the end of the conversation.
     *
     * @param role who said it
     * @param content what was said; may be empty only for a tool result
     * @param reasoning the model's reasoning for an assistant message, or null
     * @param toolCallId for a tool message: the call it answers (required then); otherwise ignored
     * @return the new message
     * @throws IllegalArgumentException when the content or tool call id does not fit the role
     */
    public ChatSessionMessage append(MessageRole role, String content, String reasoning, String toolCallId) {
        int next = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).position() + 1;
        ChatSessionMessage message = new ChatSessionMessage(this, next, role, content, reasoning, toolCallId);
        messages.add(message);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return message;
    }

    /** Forgets every message; the session itself stays. */
    public void clear() {
        messages.clear();
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Lets another model answer from now on. */
    public void switchModel(String newModelId) {
        this.modelId = RequiredText.require(newModelId, "model", 100);
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String owner() {
        return owner;
    }

    public String modelId() {
        return modelId;
    }

    public String title() {
        return title;
    }

    /** The messages in order, read-only. */
    public List<ChatSessionMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChatSession that && publicId.equals(that.publicId);
    }

    @Override
    public int hashCode() {
        return publicId.hashCode();
    }

    @Override
    public String toString() {
        return "ChatSession[" + publicId + ", " + modelId + ", " + messages.size() + " messages]";
    }
}
