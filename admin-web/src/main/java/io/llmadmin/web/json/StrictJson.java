package io.llmadmin.web.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON object against the record it is about to be bound to, before JSON-B sees it. JSON-B (Yasson) coerces:
 * {@code "12"} becomes 12, {@code false} becomes the string {@code "false"}, and numbers wrap (4294967296 becomes 0).
 * Here every member must already have its record component's JSON type ({@code null} is left to Bean Validation), and
 * numbers must fit: whole where the component is {@code Integer} or {@code Long}, within the range its
 * {@code @PositiveOrZero}, {@code @Positive}, {@code @Min}, {@code @Max}, {@code @DecimalMin} or {@code @DecimalMax}
 * says, and finite. Members the record does not have are left alone, as JSON-B leaves them.
 */
public final class StrictJson {

    private StrictJson() {}

    /** Every member of {@code json} that does not fit {@code type}, in the order found; empty when all fit. */
    public static List<JsonBodyException> problems(JsonObject json, Class<?> type) {
        List<JsonBodyException> problems = new ArrayList<>();
        checkObject(json, type, "", problems);
        return problems;
    }

    private static void checkObject(JsonObject json, Class<?> type, String prefix, List<JsonBodyException> problems) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue value = json.get(component.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Field field = fieldOf(type, component.getName());
            check(value, component.getGenericType(), field, prefix + component.getName(), problems);
        }
    }

    private static void check(JsonValue value, Type type, Field field, String path, List<JsonBodyException> problems) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        try {
            if (type == String.class) {
                expect(value, JsonValue.ValueType.STRING, path, "must be a string");
            } else if (type == Boolean.class || type == boolean.class) {
                if (value.getValueType() != JsonValue.ValueType.TRUE
                        && value.getValueType() != JsonValue.ValueType.FALSE) {
                    throw new JsonBodyException(path, "must be true or false");
                }
            } else if (type == Integer.class || type == int.class) {
                JsonNumbers.whole(value, path, minimum(field, Integer.MIN_VALUE), maximum(field, Integer.MAX_VALUE));
            } else if (type == Long.class || type == long.class) {
                JsonNumbers.whole(value, path, minimum(field, Long.MIN_VALUE), maximum(field, Long.MAX_VALUE));
            } else if (type == Double.class || type == double.class) {
                JsonNumbers.decimal(
                        value, path, decimalMinimum(field, -Double.MAX_VALUE), decimalMaximum(field, Double.MAX_VALUE));
            } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                expect(value, JsonValue.ValueType.ARRAY, path, "must be an array");
                Type element = list.getActualTypeArguments()[0];
                int index = 0;
                for (JsonValue item : value.asJsonArray()) {
                    check(item, element, null, path + "[" + index++ + "]", problems);
                }
            } else if (type instanceof Class<?> record && record.isRecord()) {
                expect(value, JsonValue.ValueType.OBJECT, path, "must be an object");
                checkObject(value.asJsonObject(), record, path + ".", problems);
            }
            // JsonValue and anything else: any JSON is acceptable here; the service checks it.
        } catch (JsonBodyException problem) {
            problems.add(problem);
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType type, String path, String message) {
        if (value.getValueType() != type) {
            throw new JsonBodyException(path, message);
        }
    }

    private static Field fieldOf(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static long minimum(Field field, long fallback) {
        if (field == null) {
            return fallback;
        }
        if (field.isAnnotationPresent(Positive.class)) {
            return 1;
        }
        if (field.isAnnotationPresent(PositiveOrZero.class)) {
            return 0;
        }
        Min min = field.getAnnotation(Min.class);
        return min == null ? fallback : Math.max(fallback, min.value());
    }

    private static long maximum(Field field, long fallback) {
        Max max = field == null ? null : field.getAnnotation(Max.class);
        return max == null ? fallback : Math.min(fallback, max.value());
    }

    private static double decimalMinimum(Field field, double fallback) {
        DecimalMin min = field == null ? null : field.getAnnotation(DecimalMin.class);
        return min == null ? fallback : Double.parseDouble(min.value());
    }

    private static double decimalMaximum(Field field, double fallback) {
        DecimalMax max = field == null ? null : field.getAnnotation(DecimalMax.class);
        return max == null ? fallback : Double.parseDouble(max.value());
    }
}
