package io.llmadmin.web.json;

/**
 * A request body, or one member of it, that cannot be read as asked. Each API turns it into its own 400 (the admin
 * API's field errors, the gateway's OpenAI error with {@code param}).
 */
public class JsonBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String fieldMessage;

    /**
     * @param field the member's path ({@code limits.requestsPerMinute}, {@code messages[0].role}), or {@code body}
     * @param fieldMessage what is wrong with it, without the field's name ("must be a whole number")
     */
    public JsonBodyException(String field, String fieldMessage) {
        super(field + " " + fieldMessage);
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    public String field() {
        return field;
    }

    public String fieldMessage() {
        return fieldMessage;
    }
}
