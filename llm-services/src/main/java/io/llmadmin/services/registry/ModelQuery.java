package io.llmadmin.services.registry;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which models to list, how to sort them and which page to show. Every filter is optional (null = any).
 *
 * @param type only models of this type
 * @param provider only models routed to this provider
 * @param active only active (true) or inactive (false) models
 * @param text only models whose id, names, vendor or description contain this text, ignoring case
 * @param sortField one of {@link #SORT_FIELDS}
 * @param descending whether to sort from the highest value down
 * @param page the zero-based page
 * @param size the page size, 1 to {@link #MAX_SIZE}
 */
public record ModelQuery(
        ModelType type,
        String provider,
        Boolean active,
        String text,
        String sortField,
        boolean descending,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    /** The fields a list may be sorted by, with the entity attribute each sorts on. */
    public static final Map<String, String> SORT_FIELDS = Map.of(
            "id", "catalogId",
            "displayName", "displayName",
            "type", "type",
            "provider", "provider",
            "sortOrder", "sortOrder",
            "contextLength", "contextLength",
            "createdAt", "createdAt",
            "updatedAt", "updatedAt");

    public ModelQuery {
        sortField = sortField == null ? "sortOrder" : sortField;
        List<FieldError> errors = new ArrayList<>();
        if (!SORT_FIELDS.containsKey(sortField)) {
            errors.add(
                    new FieldError("sort", "cannot sort by '" + sortField + "'; valid fields are " + sortFieldNames()));
        }
        if (page < 0 || page > MAX_PAGE) {
            errors.add(new FieldError("page", "must be between 0 and " + MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (text != null && text.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }

    /** The sortable field names, sorted, for error messages. */
    public static List<String> sortFieldNames() {
        return SORT_FIELDS.keySet().stream().sorted().toList();
    }

    /** The text filter as a LIKE pattern (lower case, wildcards escaped with '\'), or null. */
    public String textPattern() {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.trim()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
