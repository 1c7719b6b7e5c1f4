package io.llmadmin.web.console;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.changes.FieldError;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads what a person typed into a form's number and JSON inputs. An empty input means the API's default; anything
 * else must be exactly a number (no exponent, no {@code NaN}, nothing wrapped or rounded), so that what is stored is
 * what was typed. Each mistake becomes a field error in the registry's voice, under the admin API's field name.
 */
final class FormNumbers {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    static final String NOT_WHOLE = "must be a whole number";
    static final String TOO_LARGE = "must be at most " + Integer.MAX_VALUE;
    static final String NOT_DECIMAL = "must be a number like 0.7";

    private FormNumbers() {}

    static void checkWhole(List<FieldError> errors, String field, String text) {
        if (isBlank(text)) {
            return;
        }
        String value = text.strip();
        if (!WHOLE.matcher(value).matches()) {
            errors.add(new FieldError(field, NOT_WHOLE));
            return;
        }
        try {
            Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(
                    new FieldError(field, value.startsWith("-") ? "must be at least " + Integer.MIN_VALUE : TOO_LARGE));
        }
    }

    static void checkDecimal(List<FieldError> errors, String field, String text) {
        if (!isBlank(text) && !DECIMAL.matcher(text.strip()).matches()) {
            errors.add(new FieldError(field, NOT_DECIMAL));
        }
    }

    /** The whole number typed, or the default when the input is empty or not a whole number. */
    static int whole(String text, int fallback) {
        if (isBlank(text)) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The number typed (a decimal comma taken as a point), or the default when empty or not a number. */
    static double decimal(String text, double fallback) {
        if (isBlank(text) || !DECIMAL.matcher(text.strip()).matches()) {
            return fallback;
        }
        return Double.parseDouble(text.strip().replace(',', '.'));
    }

    /**
     * A JSON object or nothing: says where the text stops being JSON (line and column), so a missing quote or comma
     * can be found in a long kwargs text. What the object may hold is the registry's to say.
     */
    static void checkJsonObject(List<FieldError> errors, String field, String json) {
        if (json == null) {
            return;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(field, "must be a JSON object, like {\"seed\": 7}"));
            }
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            errors.add(new FieldError(
                    field,
                    "is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                            + "): it must be a JSON object, like {\"seed\": 7}"));
        } catch (JsonException e) {
            errors.add(new FieldError(field, "is not valid JSON: it must be a JSON object, like {\"seed\": 7}"));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
