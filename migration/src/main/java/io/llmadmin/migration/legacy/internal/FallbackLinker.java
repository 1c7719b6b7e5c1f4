package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.RowAction;
import io.llmadmin.migration.legacy.RowOutcome;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A legacy row's {@code fallbacks} (kwargs) as the model's fallbacks: once every row of the input is written (a
 * fallback may name a model further down), each name is turned into a catalog id by the import's rule and kept when
 * that model exists; unknown names are reported on the row and not applied. A row owns its model's fallbacks only
 * when it lists some, so fallbacks an admin set on a model whose legacy row lists none are left alone.
 */
final class FallbackLinker {

    private record Pending(String reference, String catalogId, RowAction action, List<String> names) {}

    private final List<Pending> pending = new ArrayList<>();

    /** Remembers an accepted row's fallbacks, if it lists any. */
    void add(MappedRow.Accepted row, RowOutcome outcome) {
        if (!row.fallbackNames().isEmpty() && outcome.action() != RowAction.REJECTED) {
            pending.add(new Pending(row.reference(), row.catalogId(), outcome.action(), row.fallbackNames()));
        }
    }

    /** Sets every remembered model's fallbacks, amending its row's outcome in the tally. */
    void link(EntityManager entityManager, RowTally tally, ImportHooks hooks, boolean dryRun) {
        for (Pending row : pending) {
            ModelConfiguration entry = find(entityManager, row.catalogId());
            if (entry == null) {
                continue;
            }
            List<String> resolved = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String name : row.names()) {
                String id = CatalogIds.derive(name);
                if (!id.equals(entry.catalogId()) && !resolved.contains(id) && find(entityManager, id) != null) {
                    resolved.add(id);
                } else if (!resolved.contains(id)) {
                    unknown.add(name);
                }
            }
            List<String> notes = new ArrayList<>();
            boolean changed = false;
            if (!resolved.equals(entry.fallbacks())) {
                String before = hooks.snapshot(entry);
                List<String> previous = entry.fallbacks();
                entry.fallBackTo(resolved);
                List<String> problems = hooks.problems(entry, id -> find(entityManager, id) != null);
                if (problems.isEmpty()) {
                    changed = true;
                    notes.add("fallbacks " + (resolved.isEmpty() ? "cleared" : String.join(", ", resolved)));
                    if (!dryRun) {
                        hooks.written(entry, before);
                    }
                } else {
                    entry.fallBackTo(previous);
                    notes.add("fallbacks not applied: " + String.join("; ", problems));
                }
            }
            if (!unknown.isEmpty()) {
                notes.add("fallbacks unknown, not applied: " + String.join(", ", unknown));
            }
            if (!notes.isEmpty()) {
                tally.amend(row.reference(), row.action(), changed, String.join("; ", notes));
            }
        }
        entityManager.flush();
        pending.clear();
    }

    private static ModelConfiguration find(EntityManager entityManager, String catalogId) {
        List<ModelConfiguration> found = entityManager
                .createQuery("SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id", ModelConfiguration.class)
                .setParameter("id", catalogId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
