package io.llmadmin.services.changes;

import java.util.Objects;

/**
 * What is wrong with one field of a change.
 *
 * @param field the field's path in the admin API's JSON ({@code displayName}, {@code limits.requestsPerMinute},
 *     {@code fallbacks[1]})
 * @param message what is wrong, in words that say what would be accepted
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
