package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy spellings of the provider routing ids: the ids themselves are the domain's ({@link
 * io.llmadmin.domain.model.Providers#KNOWN}); only the aliases live here, because only the importer reads them. A
 * legacy value is trimmed and lower-cased ({@code OPENAI} is {@code openai}), underscores read as dashes; then the aliases apply
 * ({@code google} is {@code gemini}, {@code mistralai} is {@code mistral}, {@code lmstudio} is {@code local}).
 */
public final class Providers {

    /** Every routing id an imported model may have: the domain's one list ({@code domain.model.Providers}). */
    public static final List<String> KNOWN = io.llmadmin.domain.model.Providers.KNOWN;

    private static final Map<String, String> ALIASES = Map.of(
            "google", "gemini",
            "google-ai", "gemini",
            "googleai", "gemini",
            "mistralai", "mistral",
            "lmstudio", "local",
            "lm-studio", "local",
            "hugging-face", "huggingface");

    private Providers() {}

    /** The routing id a legacy provider value means, or empty when it names none. */
    public static Optional<String> normalize(String legacy) {
        if (legacy == null) {
            return Optional.empty();
        }
        String value = legacy.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (KNOWN.contains(value)) {
            return Optional.of(value);
        }
        return Optional.ofNullable(ALIASES.get(value));
    }

    /**
     * The routing id for a catalog-metadata row, whose {@code provider} names who makes the model ({@code google},
     * {@code StabilityAI}): a known provider routes to itself; image and speech models of any other maker go to the
     * inference service (as the seeded ones do); anything else to {@code other}.
     */
    public static String routingForVendor(String vendor, ModelType type) {
        return normalize(vendor)
                .orElse(type == ModelType.IMAGE || type == ModelType.SPEECH ? "inference-service" : "other");
    }
}
