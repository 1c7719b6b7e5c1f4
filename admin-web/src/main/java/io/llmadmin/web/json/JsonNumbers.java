package io.llmadmin.web.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * Exact numbers from JSON. {@link JsonNumber#intValue()} and {@link JsonNumber#longValue()} silently wrap
 * (4294967296 becomes 0, 1e400 becomes 0, 0.5 becomes 0), which turned "a huge limit" into "no limit": these refuse
 * instead, with a message naming the accepted range.
 */
public final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * A whole number in {@code [minimum, maximum]}.
     *
     * @param field the member's path, for the error
     * @throws JsonBodyException when the value is not a JSON number, not whole, or out of range
     */
    public static long whole(JsonValue value, String field, long minimum, long maximum) {
        if (!(value instanceof JsonNumber number)) {
            throw new JsonBodyException(field, "must be a whole number" + range(minimum, maximum));
        }
        BigDecimal exact = exactOf(number, field, "must be a whole number" + range(minimum, maximum));
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new JsonBodyException(field, "must be a whole number" + range(minimum, maximum));
        }
        if (exact.compareTo(BigDecimal.valueOf(minimum)) < 0 || exact.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            throw new JsonBodyException(field, "must be a whole number" + range(minimum, maximum));
        }
        return exact.longValueExact();
    }

    /**
     * A finite number in {@code [minimum, maximum]} as a double.
     *
     * @throws JsonBodyException when the value is not a JSON number or out of range (1e400 is, and is not infinity)
     */
    public static double decimal(JsonValue value, String field, double minimum, double maximum) {
        if (!(value instanceof JsonNumber number)) {
            throw new JsonBodyException(field, "must be a number between " + minimum + " and " + maximum);
        }
        BigDecimal exact = exactOf(number, field, "must be a number between " + minimum + " and " + maximum);
        if (exact.compareTo(BigDecimal.valueOf(minimum)) < 0 || exact.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            throw new JsonBodyException(field, "must be a number between " + minimum + " and " + maximum);
        }
        return exact.doubleValue();
    }

    /** The number's exact value; an exponent beyond what BigDecimal holds (1e9999999999) is out of range too. */
    private static BigDecimal exactOf(JsonNumber number, String field, String message) {
        try {
            return number.bigDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonBodyException(field, message);
        }
    }

    private static String range(long minimum, long maximum) {
        return " from " + minimum + " to " + maximum;
    }
}
