package io.llmadmin.services.sessions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A session as callers see it.
 *
 * @param id the session's public id (a UUID)
 * @param owner who it belongs to
 * @param model the catalog id of the model that answers
 * @param title its name for people, or null
 * @param messages its messages in order
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record SessionView(
        String id,
        String owner,
        String model,
        String title,
        List<SessionMessage> messages,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public SessionView {
        messages = List.copyOf(messages);
    }
}
