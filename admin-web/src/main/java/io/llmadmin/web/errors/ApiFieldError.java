package io.llmadmin.web.errors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One wrong field of a request.
 *
 * @param field the field's path in the request JSON ({@code displayName}, {@code limits.requestsPerMinute}) or the
 *     name of the query parameter or header
 * @param message what is wrong with it
 */
@JsonbPropertyOrder({"field", "message"})
public record ApiFieldError(String field, String message) {}
