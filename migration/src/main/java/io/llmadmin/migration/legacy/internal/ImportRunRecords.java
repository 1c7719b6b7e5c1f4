package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.LegacySource;
import jakarta.persistence.EntityManager;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code ImportRun} record of one run: written in its own short transaction before the rows are read (so a run
 * that fails is still recorded) and finished, again on its own, with the report once the run has ended.
 */
final class ImportRunRecords {

    private static final Logger LOG = Logger.getLogger(ImportRunRecords.class.getName());

    private final EntityManager entityManager;
    private final ImportTransaction transaction;

    ImportRunRecords(EntityManager entityManager, ImportTransaction transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    /** Records the start of a run; its id. */
    Long start(LegacySource source, ImportOptions options) {
        ImportRun run = new ImportRun(source.kind(), source.description(), options.dryRun(), options.strict());
        transaction.begin();
        try {
            entityManager.persist(run);
            transaction.commit();
        } catch (RuntimeException e) {
            Transactions.rollbackQuietly(transaction);
            throw e;
        }
        entityManager.clear();
        return run.id();
    }

    /** Records how the run ended; a failure to record is logged, never thrown (the run's outcome stands). */
    void finish(Long runId, ImportReport report) {
        try {
            transaction.begin();
            ImportRun run = entityManager.find(ImportRun.class, runId);
            run.finish(report.status(), report.counts(), report.failure(), report.toJson());
            transaction.commit();
        } catch (RuntimeException e) {
            Transactions.rollbackQuietly(transaction);
            LOG.log(
                    Level.SEVERE,
                    "Import run " + runId + " ended " + report.status() + " but could not be recorded",
                    e);
        } finally {
            entityManager.clear();
        }
    }
}
