package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelConfiguration;
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
    private final Map<String, Integer> seen = new HashMap<>();

    BatchWriter(EntityManager entityManager, KeyTracker keys, RowTally tally) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.tally = tally;
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
                    planned[i] = apply(row, entries);
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
        try {
            if (entry == null) {
                entry = MergeRules.create(row);
                entityManager.persist(entry);
                entries.put(row.catalogId(), entry);
                keys.accept(row);
                return new RowOutcome(row.reference(), row.catalogId(), RowAction.CREATE, keys.note(row));
            }
            List<String> changed = row.kind() == RowKind.CONFIGURATION
                    ? MergeRules.configure(entry, row)
                    : MergeRules.describe(entry, row);
            keys.accept(row);
            if (changed.isEmpty()) {
                return new RowOutcome(row.reference(), row.catalogId(), RowAction.UNCHANGED, keys.note(row));
            }
            String detail = "changes " + String.join(", ", changed);
            String note = keys.note(row);
            return new RowOutcome(
                    row.reference(), row.catalogId(), RowAction.UPDATE, note == null ? detail : detail + "; " + note);
        } catch (IllegalArgumentException e) {
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, e.getMessage());
        }
    }
}
