package io.llmadmin.legacy;

import java.util.Arrays;

/**
 * The legacy {@code ModelType} enum ({@code CHAT = "Chat"}, {@code EMBEDDING = "Embedding"}); its values are
 * case-sensitive, as they were in Python.
 *
 * @deprecated Use {@link io.llmadmin.domain.model.ModelType} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.domain.model.ModelType")
public enum ModelType {
    /** @deprecated Use {@link io.llmadmin.domain.model.ModelType#CHAT} instead. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    CHAT(io.llmadmin.domain.model.ModelType.CHAT),
    /** @deprecated Use {@link io.llmadmin.domain.model.ModelType#EMBEDDING} instead. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    EMBEDDING(io.llmadmin.domain.model.ModelType.EMBEDDING);

    private final io.llmadmin.domain.model.ModelType replacement;

    ModelType(io.llmadmin.domain.model.ModelType replacement) {
        this.replacement = replacement;
    }

    /**
     * The Python enum's value.
     *
     * @deprecated Use {@link io.llmadmin.domain.model.ModelType#legacyLabel()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public String value() {
        return replacement.legacyLabel();
    }

    /**
     * {@code ModelType("Chat")} in Python: exact, case-sensitive match on the value.
     *
     * @throws IllegalArgumentException when no member has that value, as Python's {@code ValueError}
     * @deprecated Use {@link io.llmadmin.domain.model.ModelType#fromLabel(String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static ModelType fromValue(String value) {
        LegacyCalls.count("ModelType");
        return Arrays.stream(values())
                .filter(type -> type.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a valid ModelType"));
    }

    /**
     * The native type this legacy member stands for.
     *
     * @deprecated Use {@link io.llmadmin.domain.model.ModelType} directly instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public io.llmadmin.domain.model.ModelType toDomain() {
        return replacement;
    }
}
