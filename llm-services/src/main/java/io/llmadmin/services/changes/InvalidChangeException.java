package io.llmadmin.services.changes;

import java.util.List;
import java.util.stream.Collectors;

/** A change refused because of its input; names every field that is wrong. Nothing was changed. */
public class InvalidChangeException extends RuntimeException {

    private final transient List<FieldError> fieldErrors;

    public InvalidChangeException(List<FieldError> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public InvalidChangeException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid change names at least one field");
        }
        return "Invalid input: "
                + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
