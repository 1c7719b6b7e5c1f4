package io.llmadmin.migration.legacy.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/** JSON values as the raw text a {@code LegacyRow} holds. */
final class JsonText {

    private JsonText() {}

    /** A value as row text: strings as they are, numbers as written, booleans as true/false, structures as JSON. */
    static String of(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            case OBJECT, ARRAY -> Kwargs.compact(value);
        };
    }

    /** The value at the parser's current event (a scalar, or a whole structure, consumed), as row text. */
    static String current(JsonParser parser, JsonParser.Event event) {
        return switch (event) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT, START_ARRAY -> Kwargs.compact(parser.getValue());
            default -> throw new IllegalStateException("no value at " + event);
        };
    }

    /** Where a parse failed, for a message that never quotes the input. */
    static String where(RuntimeException failure) {
        if (failure instanceof JsonParsingException parsing && parsing.getLocation() != null) {
            return " (line " + parsing.getLocation().getLineNumber() + ", column "
                    + parsing.getLocation().getColumnNumber() + ")";
        }
        return "";
    }
}
