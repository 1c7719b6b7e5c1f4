package io.llmadmin.web.admin;

import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads query parameters as text, so a malformed one is a 400 naming it rather than the runtime's bare 404. */
final class QueryParameters {

    private QueryParameters() {}

    static int integer(List<ApiFieldError> errors, String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new ApiFieldError(name, "must be a whole number"));
            return fallback;
        }
    }

    static Boolean bool(List<ApiFieldError> errors, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(new ApiFieldError(name, "must be true or false"));
                yield null;
            }
        };
    }

    static OffsetDateTime time(List<ApiFieldError> errors, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new ApiFieldError(name, "must be an ISO-8601 time with offset, like 2026-11-22T10:00:00Z"));
            return null;
        }
    }

    /** A time range, {@code [start, end)}. */
    record Range(Instant start, Instant end) {}

    /**
     * The range of a usage report from its parsed {@code from} and {@code to}: {@code to} defaults to now, {@code from}
     * to a day before {@code to}. Throws the 400 of every error gathered so far, and of a range that ends before it
     * starts.
     */
    static Range range(List<ApiFieldError> errors, OffsetDateTime from, OffsetDateTime to) {
        throwIfAny(errors);
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from.toInstant();
        if (end.isBefore(start)) {
            errors.add(new ApiFieldError("to", "must not be before from"));
            throwIfAny(errors);
        }
        return new Range(start, end);
    }

    static void throwIfAny(List<ApiFieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(ApiError.invalid(
                    "Invalid query: "
                            + String.join(
                                    "; ",
                                    errors.stream()
                                            .map(error -> error.field() + " " + error.message())
                                            .toList()),
                    errors));
        }
    }
}
