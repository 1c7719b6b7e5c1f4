package io.llmadmin.domain.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A Responses API response the gateway stored for the key that made it: the response as returned, and the conversation
 * up to it, which a later request continues with {@code previous_response_id}. Stored once, never changed; it is
 * deleted by its key, with its key, or once it has expired.
 */
@Entity
@Table(name = "gateway_response")
public class GatewayResponse {

    @Id
    @Column(name = "id", nullable = false, length = 64)
    private String id;

    @Column(name = "gateway_key_id", nullable = false)
    private long gatewayKeyId;

    @Column(name = "conversation_json", nullable = false)
    private String conversationJson;

    @Column(name = "body_json", nullable = false)
    private String bodyJson;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    /** For JPA only. */
    protected GatewayResponse() {}

    public GatewayResponse(
            String id, long gatewayKeyId, String conversationJson, String bodyJson, OffsetDateTime expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.gatewayKeyId = gatewayKeyId;
        this.conversationJson = Objects.requireNonNull(conversationJson, "conversationJson");
        this.bodyJson = Objects.requireNonNull(bodyJson, "bodyJson");
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String id() {
        return id;
    }

    public long gatewayKeyId() {
        return gatewayKeyId;
    }

    public String conversationJson() {
        return conversationJson;
    }

    public String bodyJson() {
        return bodyJson;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** Whether the response is past its retention at {@code now}: it is then treated as gone. */
    public boolean isExpiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }
}
