package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.RowAction;
import io.llmadmin.migration.legacy.RowKind;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.Ignored;
import io.llmadmin.migration.legacy.internal.MappedRow.Rejected;
import io.llmadmin.migration.legacy.internal.MappedRow.SecretOnly;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of rows: maps each, refuses duplicates of the run, fetches the batch's existing entries with one
 * query by catalog id, creates or merges them ({@link MergeRules}), then flushes and clears the persistence context so
 * that memory holds one batch (plus the catalog ids seen, to refuse duplicates).
 */
final class BatchWriter {

    private static final int CONFIGURATION_BIT = 1;
    private static final int METADATA_BIT = 2;

    private final EntityManager entityManager;
    private final KeyTracker keys;
    private final RowTally tally;
    private final ImportHooks hooks;
    private final boolean dryRun;
    private final Map<String, Integer> seen = new HashMap<>();
    private final FallbackLinker fallbacks = new FallbackLinker();

    BatchWriter(EntityManager entityManager, KeyTracker keys, RowTally tally, ImportHooks hooks, boolean dryRun) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.tally = tally;
        this.hooks = hooks;
        this.dryRun = dryRun;
    }

    void write(List<LegacyRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        MappedRow[] mapped = new MappedRow[batch.size()];
        RowOutcome[] planned = new RowOutcome[batch.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            tally.read();
            mapped[i] = RowMapper.map(batch.get(i));
            if (mapped[i] instanceof Accepted row) {
                planned[i] = duplicate(row);
                if (planned[i] == null) {
                    ids.add(row.catalogId());
                }
            }
        }
        Map<String, ModelConfiguration> entries = existing(ids);
        for (int i = 0; i < batch.size(); i++) {
            if (mapped[i] instanceof Ignored) {
                tally.ignored();
            } else if (mapped[i] instanceof Rejected refused) {
                planned[i] =
                        new RowOutcome(refused.reference(), refused.catalogId(), RowAction.REJECTED, refused.reason());
            } else if (mapped[i] instanceof SecretOnly secretOnly) {
                planned[i] = keys.secretOnly(secretOnly);
            } else if (mapped[i] instanceof Accepted row && planned[i] == null) {
                planned[i] = keys.keyWithoutVault(row);
                if (planned[i] == null) {
                    planned[i] = inert(row, apply(row, entries));
                    fallbacks.add(row, planned[i]);
                }
            }
        }
        entityManager.flush();
        entityManager.clear();
        for (RowOutcome outcome : planned) {
            if (outcome != null) {
                tally.count(outcome);
            }
        }
    }

    /** Links the fallbacks of every row written, once the whole input is (a fallback may name a later row). */
    void finish() {
        fallbacks.link(entityManager, tally, hooks, dryRun);
    }

    /** Lists on a row's outcome the kwargs it keeps that no service applies, so nothing is dropped silently. */
    private static RowOutcome inert(Accepted row, RowOutcome outcome) {
        if (row.inertKwargs().isEmpty() || outcome.action() == RowAction.REJECTED) {
            return outcome;
        }
        String note = "kwargs kept, not applied: " + String.join(", ", row.inertKwargs());
        return new RowOutcome(
                outcome.reference(),
                outcome.catalogId(),
                outcome.action(),
                outcome.detail() == null ? note : outcome.detail() + "; " + note);
    }

    /** Refuses a row whose catalog id an earlier row of the same kind had; null when it is the first. */
    private RowOutcome duplicate(Accepted row) {
        int bit = row.kind() == RowKind.CONFIGURATION ? CONFIGURATION_BIT : METADATA_BIT;
        int before = seen.getOrDefault(row.catalogId(), 0);
        if ((before & bit) != 0) {
            return new RowOutcome(
                    row.reference(),
                    row.catalogId(),
                    RowAction.REJECTED,
                    "duplicate: an earlier " + (bit == CONFIGURATION_BIT ? "configuration" : "metadata")
                            + " row of this input has catalog id '" + row.catalogId() + "'");
        }
        seen.put(row.catalogId(), before | bit);
        return null;
    }

    private Map<String, ModelConfiguration> existing(List<String> ids) {
        Map<String, ModelConfiguration> entries = new HashMap<>();
        if (ids.isEmpty()) {
            return entries;
        }
        List<String> distinct = ids.stream().distinct().toList();
        entityManager
                .createQuery("SELECT m FROM ModelConfiguration m WHERE m.catalogId IN :ids", ModelConfiguration.class)
                .setParameter("ids", distinct)
                .getResultList()
                .forEach(entry -> entries.put(entry.catalogId(), entry));
        return entries;
    }

    private RowOutcome apply(Accepted row, Map<String, ModelConfiguration> entries) {
        ModelConfiguration entry = entries.get(row.catalogId());
        if (entry == null) {
            return create(row, entries);
        }
        String before = hooks.snapshot(entry);
        MergeRules.Before undo = MergeRules.Before.of(entry);
        List<String> changed;
        try {
            changed = row.kind() == RowKind.CONFIGURATION
                    ? MergeRules.configure(entry, row)
                    : MergeRules.describe(entry, row);
        } catch (IllegalArgumentException e) {
            undo.restore(entry);
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, e.getMessage());
        }
        if (!changed.isEmpty()) {
            List<String> problems = hooks.problems(entry, id -> exists(id, entries));
            if (!problems.isEmpty()) {
                undo.restore(entry);
                return invalid(row, problems);
            }
            if (!dryRun) {
                hooks.written(entry, before);
            }
        }
        keys.accept(row);
        if (changed.isEmpty()) {
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.UNCHANGED, keys.note(row));
        }
        String detail = "changes " + String.join(", ", changed);
        String note = keys.note(row);
        return new RowOutcome(
                row.reference(), row.catalogId(), RowAction.UPDATE, note == null ? detail : detail + "; " + note);
    }

    private RowOutcome create(Accepted row, Map<String, ModelConfiguration> entries) {
        ModelConfiguration entry;
        try {
            entry = MergeRules.create(row);
        } catch (IllegalArgumentException e) {
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, e.getMessage());
        }
        List<String> problems = hooks.problems(entry, id -> exists(id, entries));
        if (!problems.isEmpty()) {
            return invalid(row, problems);
        }
        entityManager.persist(entry);
        entries.put(row.catalogId(), entry);
        if (!dryRun) {
            hooks.written(entry, null);
        }
        keys.accept(row);
        return new RowOutcome(row.reference(), row.catalogId(), RowAction.CREATE, keys.note(row));
    }

    private static RowOutcome invalid(Accepted row, List<String> problems) {
        return new RowOutcome(
                row.reference(),
                row.catalogId(),
                RowAction.REJECTED,
                "refused by the admin API's rules: " + String.join("; ", problems));
    }

    private boolean exists(String catalogId, Map<String, ModelConfiguration> entries) {
        if (entries.containsKey(catalogId)) {
            return true;
        }
        return entityManager
                        .createQuery("SELECT COUNT(m) FROM ModelConfiguration m WHERE m.catalogId = :id", Long.class)
                        .setParameter("id", catalogId)
                        .getSingleResult()
                > 0;
    }
}
