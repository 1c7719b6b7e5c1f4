package io.llmadmin.services.audit;

import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which audit events to list. Every filter is optional (null = any).
 *
 * @param entityType only events about this kind of entity
 * @param entityId only events about this entity
 * @param actor only events by this user
 * @param action only this action
 * @param from only events at or after this time
 * @param to only events before this time
 * @param page the zero-based page
 * @param size the page size, 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(
        String entityType,
        String entityId,
        String actor,
        String action,
        OffsetDateTime from,
        OffsetDateTime to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be >= 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before 'to'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }
}
