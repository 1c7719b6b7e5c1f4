package io.llmadmin.migration.legacy.internal;

import io.llmadmin.migration.legacy.LegacySourceException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    /**
     * The stream decoded as UTF-8 (what Django writes), failing on an invalid byte instead of replacing it: a file
     * that is not what it claims to be must fail the run, not import mangled names.
     */
    static Reader strictUtf8(InputStream stream) {
        return new InputStreamReader(
                stream,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Fails unless nothing but whitespace follows the top-level value (a second object, trailing garbage). */
    static void requireEnd(JsonParser parser, String what) {
        boolean more;
        try {
            more = parser.hasNext();
        } catch (JsonException e) {
            more = true;
        }
        if (more) {
            throw new LegacySourceException(what + " has content after its top-level JSON value; it must hold one");
        }
    }
}
