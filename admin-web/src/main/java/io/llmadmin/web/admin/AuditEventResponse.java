package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.audit.AuditEvent;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * One audit event as the API shows it; {@code before} and {@code after} are the masked JSON the event recorded.
 */
@JsonbPropertyOrder({"id", "occurredAt", "actor", "action", "entityType", "entityId", "before", "after"})
public record AuditEventResponse(
        long id,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        JsonValue before,
        JsonValue after) {

    static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(
                event.id(),
                event.occurredAt(),
                event.actor(),
                event.action(),
                event.entityType(),
                event.entityId(),
                parse(event.beforeJson()),
                parse(event.afterJson()));
    }

    private static JsonValue parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
