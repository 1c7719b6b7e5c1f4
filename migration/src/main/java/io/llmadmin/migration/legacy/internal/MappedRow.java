package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.legacy.RowKind;
import java.util.List;

/** A legacy row after validation: accepted onto catalog terms, a key on its own, rejected, or ignored. */
sealed interface MappedRow {

    String reference();

    /**
     * A key found in the legacy data; {@link #toString()} never shows it. {@code endpoint} is the api base of the row
     * it belonged to (null: the provider's official endpoint): the key becomes a credential for that endpoint only.
     */
    record FoundSecret(String provider, String label, String secret, String endpoint) {

        FoundSecret(String provider, String label, String secret) {
            this(provider, label, secret, null);
        }

        @Override
        public String toString() {
            return "FoundSecret[" + provider + ", " + label + "]";
        }
    }

    /**
     * A valid row. {@code kind} says which fields it owns: a configuration row owns type, provider, provider model
     * name, api base, context length, limits, vision and kwargs, and names a new entry; a metadata row owns display
     * name, description, vendor and active, and gives type and context length to an entry it creates. {@code
     * fallbackNames} are the legacy names of the models to fall back to (resolved to catalog ids once the whole
     * input is written); {@code inertKwargs} the kwargs members kept but not applied by any service.
     */
    record Accepted(
            RowKind kind,
            String reference,
            String catalogId,
            ModelType type,
            String provider,
            String providerModelName,
            String displayName,
            String description,
            String vendor,
            String apiBase,
            int contextLength,
            int limitRequests,
            int limitInput,
            int limitOutput,
            boolean vision,
            String kwargsJson,
            boolean active,
            List<FoundSecret> secrets,
            List<String> fallbackNames,
            List<String> inertKwargs)
            implements MappedRow {

        /** A row without legacy fallbacks or kwargs the services ignore. */
        public Accepted {
            fallbackNames = fallbackNames == null ? List.of() : List.copyOf(fallbackNames);
            inertKwargs = inertKwargs == null ? List.of() : List.copyOf(inertKwargs);
        }

        @Override
        public String toString() {
            return "Accepted[" + kind + ", " + reference + ", " + catalogId + "]";
        }
    }

    /** A key found on its own (settings' {@code api_keys}). */
    record SecretOnly(String reference, FoundSecret secret) implements MappedRow {}

    /** A refused row. */
    record Rejected(String reference, String catalogId, String reason) implements MappedRow {}

    /** A record of no interest. */
    record Ignored(String reference, String reason) implements MappedRow {}
}
