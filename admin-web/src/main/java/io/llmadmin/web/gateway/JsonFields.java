package io.llmadmin.web.gateway;

import io.llmadmin.web.json.JsonBodyException;
import io.llmadmin.web.json.JsonNumbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading typed fields of a request body, each failure a 400 naming the field as OpenAI spells it. */
final class JsonFields {

    private JsonFields() {}

    static boolean absent(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    /**
     * Refuses, with a 400 naming it, a top-level parameter with a value that the gateway cannot honour
     * ({@code notSupported}) or does not read at all: OpenAI refuses an unknown argument, and a parameter the gateway
     * dropped would change the answer behind the caller's back. A {@code null} is always accepted.
     *
     * @param read every parameter the endpoint reads or accepts as neutral
     * @param notSupported documented parameters no provider behind this gateway can honour
     */
    static void requireKnown(JsonObject request, Set<String> read, Set<String> notSupported) {
        for (String name : request.keySet()) {
            if (absent(request, name)) {
                continue;
            }
            if (notSupported.contains(name)) {
                throw OpenAiException.invalid(name, "'" + name + "' is not supported by this gateway");
            }
            if (!read.contains(name)) {
                throw OpenAiException.invalid(
                        name,
                        "Unrecognized request argument supplied: " + name + " (this gateway does not pass it on)");
            }
        }
    }

    static Double number(JsonObject object, String name) {
        return number(object, name, name);
    }

    static Double number(JsonObject object, String name, String param) {
        if (absent(object, name)) {
            return null;
        }
        try {
            return JsonNumbers.decimal(object.get(name), param, -Double.MAX_VALUE, Double.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(param, param + " " + e.fieldMessage());
        }
    }

    static Integer integer(JsonObject object, String name, long minimum) {
        if (absent(object, name)) {
            return null;
        }
        try {
            // Exact: 18446744073709551617 is out of range, not 1; 1.5 is not whole, not 1.
            return (int) JsonNumbers.whole(object.get(name), name, minimum, Integer.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid(name, name + " " + e.fieldMessage());
        }
    }

    /** A seed: any integer that fits in 32 bits (OpenAI takes 64, but no provider we call uses more). */
    static Integer seed(JsonObject object) {
        if (absent(object, "seed")) {
            return null;
        }
        try {
            return (int) JsonNumbers.whole(object.get("seed"), "seed", Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw OpenAiException.invalid("seed", "seed " + e.fieldMessage() + " (32 bits here)");
        }
    }

    static Boolean bool(JsonObject object, String name) {
        if (absent(object, name)) {
            return null;
        }
        return switch (object.get(name).getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw OpenAiException.invalid(name, name + " must be true or false");
        };
    }

    static String string(JsonObject object, String name, String param) {
        if (absent(object, name)) {
            return null;
        }
        if (object.get(name) instanceof JsonString text) {
            return text.getString();
        }
        throw OpenAiException.invalid(param, param + " must be a string");
    }

    /** A string or an array of strings ({@code stop}); empty when absent. */
    static List<String> strings(JsonObject object, String name) {
        if (absent(object, name)) {
            return List.of();
        }
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> strings = new ArrayList<>();
            for (JsonValue item : value.asJsonArray()) {
                if (!(item instanceof JsonString text)) {
                    throw OpenAiException.invalid(name, name + " must be a string or an array of strings");
                }
                strings.add(text.getString());
            }
            return strings;
        }
        throw OpenAiException.invalid(name, name + " must be a string or an array of strings");
    }

    static JsonObject object(JsonObject object, String name, String param) {
        if (absent(object, name)) {
            return null;
        }
        if (object.get(name) instanceof JsonObject inner) {
            return inner;
        }
        throw OpenAiException.invalid(param, param + " must be an object");
    }

    /** The text of a message's content: a string, or an array of text parts. */
    static String text(JsonValue content, String where) {
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (content instanceof JsonString string) {
            return string.getString();
        }
        if (content.getValueType() == JsonValue.ValueType.ARRAY) {
            StringBuilder text = new StringBuilder();
            for (JsonValue part : content.asJsonArray()) {
                if (part instanceof JsonObject object
                        && List.of("text", "input_text", "output_text").contains(object.getString("type", ""))) {
                    text.append(object.getString("text", ""));
                } else {
                    throw OpenAiException.invalid(where, where + ": only text parts are supported here");
                }
            }
            return text.toString();
        }
        throw OpenAiException.invalid(where, where + " must be a string or an array of text parts");
    }
}
