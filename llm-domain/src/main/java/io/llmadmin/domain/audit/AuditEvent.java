package io.llmadmin.domain.audit;

import io.llmadmin.domain.support.RequiredText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One change someone made: who, when, which action on which entity, and the entity as JSON before and after (with
 * every secret already masked by whoever recorded it). Written in the same transaction as the change, never changed
 * afterwards: the class has no method that alters it.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "action", nullable = false, length = 40)
    private String action;

    @Column(name = "entity_type", nullable = false, length = 60)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 200)
    private String entityId;

    @Column(name = "before_json")
    private String beforeJson;

    @Column(name = "after_json")
    private String afterJson;

    /** For JPA only. */
    protected AuditEvent() {}

    /**
     * A change that happened now.
     *
     * @param actor the user name of who made it ({@code system} for the application itself)
     * @param action what was done, upper case ({@code CREATE}, {@code UPDATE}, {@code DELETE}, ...)
     * @param entityType the kind of thing changed ({@code ModelConfiguration}, {@code ConsoleUser}, ...)
     * @param entityId its business id (a catalog id, a user name)
     * @param beforeJson the masked JSON before the change, null on a creation
     * @param afterJson the masked JSON after the change, null on a deletion
     */
    public AuditEvent(
            String actor, String action, String entityType, String entityId, String beforeJson, String afterJson) {
        this.actor = RequiredText.require(actor, "actor", 100);
        this.action = RequiredText.require(action, "action", 40);
        this.entityType = RequiredText.require(entityType, "entityType", 60);
        this.entityId = RequiredText.require(entityId, "entityId", 200);
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public String beforeJson() {
        return beforeJson;
    }

    public String afterJson() {
        return afterJson;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AuditEvent that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + ", " + actor + " " + action + " " + entityType + " " + entityId + "]";
    }
}
