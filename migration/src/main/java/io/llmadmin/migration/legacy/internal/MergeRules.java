package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields a row owns, so that a second run finds nothing to change even when a configuration row and a metadata
 * row describe the same entry: a configuration row owns type, provider, provider model name, context length, limits,
 * api base, vision and kwargs; a metadata row owns display name, description, vendor and the active flag, and gives
 * type and context length only to an entry it creates. A configuration row names a new entry after its model name; a
 * later rename in the metadata (or the console) is not undone by it.
 */
final class MergeRules {

    private MergeRules() {}

    /** The fields rows own, as they were before a row was applied, so that a refused row can be undone exactly. */
    record Before(
            int contextLength,
            io.llmadmin.domain.model.ModelType type,
            String provider,
            String providerModelName,
            int limitRequests,
            int limitInput,
            int limitOutput,
            String apiBase,
            String kwargsJson,
            boolean vision,
            String displayName,
            String vendor,
            String description,
            boolean active) {

        static Before of(ModelConfiguration entry) {
            return new Before(
                    entry.contextLength(),
                    entry.type(),
                    entry.provider(),
                    entry.providerModelName(),
                    entry.limitRequestsPerMinute(),
                    entry.limitInputTokensPerMinute(),
                    entry.limitOutputTokensPerMinute(),
                    entry.apiBase(),
                    entry.extraKwargsJson(),
                    entry.vision(),
                    entry.displayName(),
                    entry.vendor(),
                    entry.description(),
                    entry.active());
        }

        /** Puts the fields back; values that were stored before pass the entity's guards again. */
        void restore(ModelConfiguration entry) {
            entry.contextLength(contextLength);
            entry.changeType(type);
            entry.reroute(provider, providerModelName);
            entry.limitPerMinute(limitRequests, limitInput, limitOutput);
            entry.routeTo(apiBase, kwargsJson, vision);
            entry.rename(displayName);
            entry.describe(vendor, description, entry.sortOrder());
            if (active) {
                entry.activate();
            } else {
                entry.deactivate();
            }
        }
    }

    /** A new entry from a row. */
    static ModelConfiguration create(Accepted row) {
        ModelConfiguration entry = new ModelConfiguration(
                row.catalogId(), row.type(), row.provider(), row.providerModelName(), row.displayName());
        entry.contextLength(row.contextLength());
        entry.describe(row.vendor(), row.description(), 0);
        entry.limitPerMinute(row.limitRequests(), row.limitInput(), row.limitOutput());
        entry.routeTo(row.apiBase(), row.kwargsJson(), row.vision());
        if (!row.active()) {
            entry.deactivate();
        }
        return entry;
    }

    /** Applies what a configuration row owns; the changed fields, empty when the entry matched. */
    static List<String> configure(ModelConfiguration entry, Accepted row) {
        List<String> changed = new ArrayList<>();
        if (entry.contextLength() != row.contextLength()) {
            entry.contextLength(row.contextLength());
            changed.add("contextLength");
        }
        if (entry.type() != row.type()) {
            entry.changeType(row.type());
            changed.add("type");
        }
        if (!entry.provider().equals(row.provider())
                || !entry.providerModelName().equals(row.providerModelName())) {
            if (!entry.provider().equals(row.provider())) {
                changed.add("provider");
            }
            if (!entry.providerModelName().equals(row.providerModelName())) {
                changed.add("providerModelName");
            }
            entry.reroute(row.provider(), row.providerModelName());
        }
        if (entry.limitRequestsPerMinute() != row.limitRequests()
                || entry.limitInputTokensPerMinute() != row.limitInput()
                || entry.limitOutputTokensPerMinute() != row.limitOutput()) {
            entry.limitPerMinute(row.limitRequests(), row.limitInput(), row.limitOutput());
            changed.add("limits");
        }
        boolean routing = false;
        if (!Objects.equals(entry.apiBase(), row.apiBase())) {
            changed.add("apiBase");
            routing = true;
        }
        if (!Objects.equals(entry.extraKwargsJson(), row.kwargsJson())) {
            changed.add("kwargs");
            routing = true;
        }
        if (entry.vision() != row.vision()) {
            changed.add("vision");
            routing = true;
        }
        if (routing) {
            entry.routeTo(row.apiBase(), row.kwargsJson(), row.vision());
        }
        return changed;
    }

    /** Applies what a metadata row owns; the changed fields, empty when the entry matched. */
    static List<String> describe(ModelConfiguration entry, Accepted row) {
        List<String> changed = new ArrayList<>();
        if (!entry.displayName().equals(row.displayName())) {
            entry.rename(row.displayName());
            changed.add("displayName");
        }
        boolean description = !Objects.equals(entry.description(), row.description());
        boolean vendor = !Objects.equals(entry.vendor(), row.vendor());
        if (description || vendor) {
            entry.describe(row.vendor(), row.description(), entry.sortOrder());
            if (description) {
                changed.add("description");
            }
            if (vendor) {
                changed.add("vendor");
            }
        }
        if (entry.active() != row.active()) {
            if (row.active()) {
                entry.activate();
            } else {
                entry.deactivate();
            }
            changed.add("active");
        }
        return changed;
    }
}
