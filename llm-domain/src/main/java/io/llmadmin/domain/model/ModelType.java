package io.llmadmin.domain.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a model does. The lower-case {@link #apiName()} is what the frontend passes as {@code ?type=}; the legacy
 * Python labels ({@code "Chat"}, {@code "Embedding"}) still parse through {@link #fromLabel(String)}.
 */
public enum ModelType {
    CHAT("Chat"),
    EMBEDDING("Embedding"),
    IMAGE("Image"),
    SPEECH("Speech");

    private final String legacyLabel;

    ModelType(String legacyLabel) {
        this.legacyLabel = legacyLabel;
    }

    /** The name used in URLs and JSON: {@code chat}, {@code embedding}, {@code image}, {@code speech}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label the legacy Python enum used as its value ({@code "Chat"}, {@code "Embedding"}, ...). */
    public String legacyLabel() {
        return legacyLabel;
    }

    /** Every {@link #apiName()}, in declaration order, for error messages that list the valid types. */
    public static List<String> apiNames() {
        return Arrays.stream(values()).map(ModelType::apiName).toList();
    }

    /**
     * Parses an API name or a legacy label, ignoring case ({@code chat}, {@code CHAT}, {@code Chat}).
     *
     * @return the type, or empty when the text names none
     */
    public static Optional<ModelType> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return Arrays.stream(values())
                .filter(type -> type.name().equalsIgnoreCase(trimmed))
                .findFirst();
    }
}
