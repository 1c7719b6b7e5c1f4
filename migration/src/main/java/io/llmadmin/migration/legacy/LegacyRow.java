package io.llmadmin.migration.legacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record read from a legacy source, before any validation: the raw values under Django's own column names, as
 * text (numbers and booleans in their text form, {@code kwargs} as JSON text), a missing column simply absent.
 *
 * <ul>
 *   <li>{@link RowKind#CONFIGURATION}: {@value #TYPE}, {@value #PROVIDER}, {@value #NAME}, {@value #API_BASE},
 *       {@value #CTX_LENGTH}, {@value #LIMIT_REQUESTS}, {@value #LIMIT_INPUT}, {@value #LIMIT_OUTPUT}, {@value #VISION},
 *       {@value #KWARGS}, and {@value #API_KEY} when a key was found beside the row (settings' {@code
 *       chat_model_api_key});
 *   <li>{@link RowKind#METADATA}: {@value #ID}, {@value #NAME}, {@value #DESCRIPTION}, {@value #CONTEXT_LENGTH},
 *       {@value #MODEL_TYPE}, {@value #IS_ACTIVE}, {@value #PROVIDER};
 *   <li>{@link RowKind#SECRET}: {@value #PROVIDER}, {@value #LABEL}, {@value #API_KEY};
 *   <li>{@link RowKind#IGNORED}: {@value #REASON}.
 * </ul>
 *
 * <p>{@link #toString()} shows the kind and reference only: values may hold an API key.
 *
 * @param kind what the row describes
 * @param reference where it came from, for people ({@code llm_modelconfiguration id=7}, {@code settings chat_model})
 * @param fields the raw values by Django column name
 */
public record LegacyRow(RowKind kind, String reference, Map<String, String> fields) {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String PROVIDER = "provider";
    public static final String NAME = "name";
    public static final String API_BASE = "api_base";
    public static final String CTX_LENGTH = "ctx_length";
    public static final String LIMIT_REQUESTS = "limit_requests";
    public static final String LIMIT_INPUT = "limit_input";
    public static final String LIMIT_OUTPUT = "limit_output";
    public static final String VISION = "vision";
    public static final String KWARGS = "kwargs";
    public static final String API_KEY = "api_key";
    public static final String DESCRIPTION = "description";
    public static final String CONTEXT_LENGTH = "context_length";
    public static final String MODEL_TYPE = "model_type";
    public static final String IS_ACTIVE = "is_active";
    public static final String LABEL = "label";
    public static final String REASON = "reason";

    public LegacyRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** The raw value of a column, or null when absent or SQL NULL. */
    public String field(String column) {
        return fields.get(column);
    }

    @Override
    public String toString() {
        return "LegacyRow[" + kind + ", " + reference + "]";
    }
}
