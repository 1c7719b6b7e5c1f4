package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.LegacyRowStream;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretSink;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import run over JPA: records the run ({@link ImportRunRecords}), reads the source in batches of {@link
 * ImportOptions#batchSize()} and hands each to the {@link BatchWriter}, then decides the run's end. All batches share
 * one transaction, committed at the end (after the keys went to the vault, {@link KeyTracker}), or rolled back for a
 * dry run, a strict run with a rejection, or any failure. The counts come from the {@link RowTally}.
 */
public final class JpaImport {

    /** The reason of a row that carries a key when there is no vault to hand it to. */
    public static final String CARRIES_A_KEY = KeyTracker.CARRIES_A_KEY;

    private static final Logger LOG = Logger.getLogger(JpaImport.class.getName());

    private final EntityManager entityManager;
    private final ImportTransaction transaction;
    private final LegacySource source;
    private final ImportOptions options;
    private final ImportRunRecords records;
    private final KeyTracker keys;
    private final RowTally tally;
    private final BatchWriter writer;
    private final ImportHooks hooks;
    private final List<String> notes = new ArrayList<>();

    public JpaImport(
            EntityManager entityManager,
            ImportTransaction transaction,
            SecretSink sink,
            LegacySource source,
            ImportOptions options,
            ImportHooks hooks,
            Consumer<RowOutcome> progress) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.records = new ImportRunRecords(entityManager, transaction);
        this.keys = new KeyTracker(sink, options);
        this.tally = new RowTally(options, progress);
        this.hooks = hooks == null ? ImportHooks.NONE : hooks;
        this.writer = new BatchWriter(entityManager, keys, tally, this.hooks, options.dryRun());
    }

    public ImportReport run() {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Long runId = records.start(source, options);
        ImportStatus status;
        String failure = null;
        try {
            transaction.begin();
            readAll();
            boolean refused = options.strict() && tally.rejected() > 0;
            if (refused) {
                transaction.rollback();
                status = ImportStatus.REJECTED;
                notes.add("strict: " + tally.rejected() + " row(s) rejected, so nothing was written;"
                        + " the rows listed show the plan");
            } else if (options.dryRun()) {
                transaction.rollback();
                status = ImportStatus.DRY_RUN;
            } else {
                keys.handToVault();
                hooks.committing(runId, source, tally.counts(keys.found()));
                transaction.commit();
                status = ImportStatus.COMMITTED;
            }
        } catch (RuntimeException e) {
            Transactions.rollbackQuietly(transaction);
            status = ImportStatus.FAILED;
            failure = describe(e);
            notes.add("failed, so nothing was written; the rows listed show the plan up to the failure");
            LOG.log(Level.WARNING, "Import run " + runId + " from " + source.description() + " failed: " + failure);
        } finally {
            entityManager.clear();
            keys.forget();
        }
        ImportReport report = report(runId, startedAt, status, failure);
        records.finish(runId, report);
        LOG.info(() -> "Import run " + runId + " from " + source.description() + ": " + report.status() + ", "
                + report.counts());
        return report;
    }

    private void readAll() {
        try (LegacyRowStream rows = source.open()) {
            List<LegacyRow> batch = new ArrayList<>(options.batchSize());
            LegacyRow row;
            while ((row = rows.next()) != null) {
                batch.add(row);
                if (batch.size() == options.batchSize()) {
                    writer.write(batch);
                    batch.clear();
                }
            }
            writer.write(batch);
            writer.finish();
            notes.addAll(rows.notes());
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = failure;
                cause != null && message.length() < 800;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = cause.getMessage();
            if (text != null && !message.toString().contains(text)) {
                message.append(message.length() == 0 ? "" : " / ").append(text);
            }
        }
        return message.length() == 0 ? failure.getClass().getSimpleName() : message.toString();
    }

    private ImportReport report(Long runId, OffsetDateTime startedAt, ImportStatus status, String failure) {
        ImportCounts planned = tally.counts(keys.found());
        boolean wrote = status == ImportStatus.COMMITTED || status == ImportStatus.DRY_RUN;
        ImportCounts counts = wrote
                ? planned
                : new ImportCounts(planned.read(), 0, 0, 0, planned.rejected(), planned.ignored(), planned.secrets());
        return new ImportReport(
                runId,
                source.kind(),
                source.description(),
                options.dryRun(),
                options.strict(),
                status,
                startedAt,
                OffsetDateTime.now(ZoneOffset.UTC),
                counts,
                tally.listed(),
                tally.notListed(),
                keys.moves(status),
                notes,
                failure,
                planned,
                status == ImportStatus.COMMITTED ? keys.stored() : 0);
    }
}
