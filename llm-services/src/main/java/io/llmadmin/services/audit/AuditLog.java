package io.llmadmin.services.audit;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.services.changes.Page;

/**
 * The audit trail. {@link #record} joins the caller's transaction, so an event is stored exactly when the change it
 * describes is; the JSON handed to it must already be masked ({@link SecretMasking}).
 */
public interface AuditLog {

    /** The actor recorded for what the application does on its own (the first admin at start-up). */
    String SYSTEM_ACTOR = "system";

    /**
     * Records a change in the current transaction.
     *
     * @param actor who made it
     * @param action what was done ({@code CREATE}, {@code UPDATE}, ...)
     * @param entityType the kind of thing changed
     * @param entityId its business id
     * @param beforeJson the masked state before, or null
     * @param afterJson the masked state after, or null
     */
    void record(String actor, String action, String entityType, String entityId, String beforeJson, String afterJson);

    /** The events matching the query, newest first. */
    Page<AuditEvent> search(AuditQuery query);
}
