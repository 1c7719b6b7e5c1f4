package io.llmadmin.web.console;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An audit event's before and after, field by field: each state (the masked JSON the event recorded) is flattened to
 * dotted paths ({@code limits.requestsPerMinute}), and each path shows its value before and after and whether it
 * changed. A state that is not a JSON object shows as one line.
 */
final class AuditDiff {

    private AuditDiff() {}

    static List<Line> of(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Line> lines = new ArrayList<>();
        for (String field : fields) {
            String was = before.getOrDefault(field, "");
            String is = after.getOrDefault(field, "");
            lines.add(new Line(field, was, is, !was.equals(is)));
        }
        return lines;
    }

    /** The leaves of a JSON object by dotted path, in key order; a non-object as the path {@code (value)}. */
    static Map<String, String> flatten(String json) {
        Map<String, String> fields = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonException e) {
            fields.put("(value)", json);
            return fields;
        }
        flatten("", value, fields);
        return fields;
    }

    private static void flatten(String path, JsonValue value, Map<String, String> fields) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = value.asJsonObject();
            if (object.isEmpty() && !path.isEmpty()) {
                fields.put(path, "{}");
            }
            object.forEach((key, member) -> flatten(path.isEmpty() ? key : path + "." + key, member, fields));
            return;
        }
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        fields.put(path.isEmpty() ? "(value)" : path, text);
    }

    /** One field: its value before and after (empty when absent) and whether it changed. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String before;
        private final String after;
        private final boolean changed;

        Line(String field, String before, String after, boolean changed) {
            this.field = field;
            this.before = before;
            this.after = after;
            this.changed = changed;
        }

        public String getField() {
            return field;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }

        public boolean isChanged() {
            return changed;
        }
    }
}
