package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportTransaction;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.LegacyRowStream;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowAction;
import io.llmadmin.migration.legacy.RowKind;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretMove;
import io.llmadmin.migration.legacy.SecretMove.Disposition;
import io.llmadmin.migration.legacy.SecretSink;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.FoundSecret;
import io.llmadmin.migration.legacy.internal.MappedRow.Ignored;
import io.llmadmin.migration.legacy.internal.MappedRow.Rejected;
import io.llmadmin.migration.legacy.internal.MappedRow.SecretOnly;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import run over JPA. Rows are read in batches of {@link ImportOptions#batchSize()}: each batch is mapped, its
 * existing entries fetched with one query by catalog id, written, flushed and cleared from the persistence context, so
 * memory holds one batch (plus the set of catalog ids seen, to refuse duplicates). All batches share one transaction,
 * committed at the end, or rolled back for a dry run, a strict run with a rejection, or any failure.
 *
 * <p>Which fields a row owns (so that a second run finds nothing to change even when a configuration row and a
 * metadata row describe the same entry): a configuration row owns type, provider, provider model name, context
 * length, limits, api base, vision and kwargs; a metadata row owns display name, description, vendor and the active
 * flag, and gives type and context length only to an entry it creates. A configuration row names a new entry after
 * its model name; a later rename in the metadata (or the console) is not undone by it.
 */
public final class JpaImport {

    /** The reason of a row that carries a key when there is no vault to hand it to. */
    public static final String CARRIES_A_KEY =
            "carries an API key: import it through the admin API so the key lands encrypted in the vault";

    private static final Logger LOG = Logger.getLogger(JpaImport.class.getName());
    private static final int CONFIGURATION_BIT = 1;
    private static final int METADATA_BIT = 2;

    private final EntityManager entityManager;
    private final ImportTransaction transaction;
    private final SecretSink sink;
    private final LegacySource source;
    private final ImportOptions options;
    private final Consumer<RowOutcome> progress;

    private final Map<String, Integer> seen = new HashMap<>();
    private final List<RowOutcome> listed = new ArrayList<>();
    private final List<FoundKey> keys = new ArrayList<>();
    private final List<FoundSecret> toVault = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int listedOthers;
    private int listedRejections;
    private int outcomes;
    private int read;
    private int created;
    private int updated;
    private int unchanged;
    private int rejected;
    private int ignored;
    private int secrets;

    /** A key found, as the report shows it, and whether its row was accepted. */
    private record FoundKey(String reference, String provider, String label, String lastFour, boolean accepted) {}

    public JpaImport(
            EntityManager entityManager,
            ImportTransaction transaction,
            SecretSink sink,
            LegacySource source,
            ImportOptions options,
            Consumer<RowOutcome> progress) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.sink = sink;
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = progress == null ? outcome -> {} : progress;
    }

    public ImportReport run() {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Long runId = recordStart();
        ImportStatus status;
        String failure = null;
        try {
            transaction.begin();
            readAll();
            boolean refused = options.strict() && rejected > 0;
            if (refused) {
                transaction.rollback();
                status = ImportStatus.REJECTED;
                notes.add("strict: " + rejected + " row(s) rejected, so nothing was written");
            } else if (options.dryRun()) {
                transaction.rollback();
                status = ImportStatus.DRY_RUN;
            } else {
                handKeysToVault();
                transaction.commit();
                status = ImportStatus.COMMITTED;
            }
        } catch (RuntimeException e) {
            rollbackQuietly();
            status = ImportStatus.FAILED;
            failure = describe(e);
            LOG.log(Level.WARNING, "Import run " + runId + " from " + source.description() + " failed: " + failure);
        } finally {
            entityManager.clear();
            toVault.clear();
        }
        ImportReport report = report(runId, startedAt, status, failure);
        recordFinish(runId, report);
        LOG.info(() -> "Import run " + runId + " from " + source.description() + ": " + report.status() + ", "
                + report.counts());
        return report;
    }

    private Long recordStart() {
        ImportRun run = new ImportRun(source.kind(), source.description(), options.dryRun(), options.strict());
        transaction.begin();
        try {
            entityManager.persist(run);
            transaction.commit();
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        entityManager.clear();
        return run.id();
    }

    private void recordFinish(Long runId, ImportReport report) {
        try {
            transaction.begin();
            ImportRun run = entityManager.find(ImportRun.class, runId);
            run.finish(report.status(), report.counts(), report.failure(), report.toJson());
            transaction.commit();
        } catch (RuntimeException e) {
            rollbackQuietly();
            LOG.log(
                    Level.SEVERE,
                    "Import run " + runId + " ended " + report.status() + " but could not be recorded",
                    e);
        } finally {
            entityManager.clear();
        }
    }

    private void readAll() {
        try (LegacyRowStream rows = source.open()) {
            List<LegacyRow> batch = new ArrayList<>(options.batchSize());
            LegacyRow row;
            while ((row = rows.next()) != null) {
                batch.add(row);
                if (batch.size() == options.batchSize()) {
                    write(batch);
                    batch.clear();
                }
            }
            write(batch);
            notes.addAll(rows.notes());
        }
    }

    private void write(List<LegacyRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        MappedRow[] mapped = new MappedRow[batch.size()];
        RowOutcome[] planned = new RowOutcome[batch.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            read++;
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
                ignored++;
            } else if (mapped[i] instanceof Rejected refused) {
                planned[i] =
                        new RowOutcome(refused.reference(), refused.catalogId(), RowAction.REJECTED, refused.reason());
            } else if (mapped[i] instanceof SecretOnly secretOnly) {
                planned[i] = secretOnly(secretOnly);
            } else if (mapped[i] instanceof Accepted row && planned[i] == null) {
                planned[i] = keyWithoutVault(row);
                if (planned[i] == null) {
                    planned[i] = apply(row, entries);
                }
            }
        }
        entityManager.flush();
        entityManager.clear();
        for (RowOutcome outcome : planned) {
            if (outcome != null) {
                count(outcome);
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

    /** Refuses a row that carries a key when there is no vault and keys are not to be dropped; null otherwise. */
    private RowOutcome keyWithoutVault(Accepted row) {
        if (!row.secrets().isEmpty() && sink == null && !options.dropSecrets()) {
            row.secrets().forEach(secret -> key(row.reference(), secret, false));
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, CARRIES_A_KEY);
        }
        return null;
    }

    private RowOutcome secretOnly(SecretOnly row) {
        if (sink == null && !options.dropSecrets()) {
            key(row.reference(), row.secret(), false);
            return new RowOutcome(row.reference(), null, RowAction.REJECTED, CARRIES_A_KEY);
        }
        key(row.reference(), row.secret(), true);
        return null;
    }

    private void key(String reference, FoundSecret secret, boolean accepted) {
        secrets++;
        if (keys.size() < options.listLimit()) {
            keys.add(new FoundKey(
                    reference, secret.provider(), secret.label(), SecretMove.lastFourOf(secret.secret()), accepted));
        }
        if (accepted && sink != null && !options.dryRun()) {
            toVault.add(secret);
        }
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
                entry = create(row);
                entityManager.persist(entry);
                entries.put(row.catalogId(), entry);
                acceptKeys(row);
                return new RowOutcome(row.reference(), row.catalogId(), RowAction.CREATE, keyNote(row));
            }
            List<String> changed = row.kind() == RowKind.CONFIGURATION ? configure(entry, row) : describe(entry, row);
            acceptKeys(row);
            if (changed.isEmpty()) {
                return new RowOutcome(row.reference(), row.catalogId(), RowAction.UNCHANGED, keyNote(row));
            }
            String detail = "changes " + String.join(", ", changed);
            String note = keyNote(row);
            return new RowOutcome(
                    row.reference(), row.catalogId(), RowAction.UPDATE, note == null ? detail : detail + "; " + note);
        } catch (IllegalArgumentException e) {
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, e.getMessage());
        }
    }

    private void acceptKeys(Accepted row) {
        row.secrets().forEach(secret -> key(row.reference(), secret, true));
    }

    private String keyNote(Accepted row) {
        if (row.secrets().isEmpty()) {
            return null;
        }
        String what = row.secrets().size() == 1 ? "an API key" : row.secrets().size() + " API keys";
        if (sink == null) {
            return what + " dropped (--drop-secrets)";
        }
        return what + (options.dryRun() ? " would go" : " goes") + " to the vault";
    }

    private static ModelConfiguration create(Accepted row) {
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
    private static List<String> configure(ModelConfiguration entry, Accepted row) {
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
    private static List<String> describe(ModelConfiguration entry, Accepted row) {
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

    private void count(RowOutcome outcome) {
        switch (outcome.action()) {
            case CREATE -> created++;
            case UPDATE -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> rejected++;
        }
        outcomes++;
        if (outcome.action() == RowAction.REJECTED) {
            if (listedRejections < options.listLimit()) {
                listedRejections++;
                listed.add(outcome);
            }
        } else if (listedOthers < options.listLimit()) {
            listedOthers++;
            listed.add(outcome);
        }
        progress.accept(outcome);
    }

    private void handKeysToVault() {
        for (FoundSecret secret : toVault) {
            try {
                sink.store(secret.provider(), secret.label(), secret.secret(), secret.endpoint());
            } catch (RuntimeException e) {
                // The sink's message could quote what it was given; name the key by provider and label only.
                throw new IllegalStateException("the vault refused the key for provider '" + secret.provider()
                        + "' (label '" + secret.label() + "'): " + e.getClass().getSimpleName());
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rolling back the import failed", e);
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
        List<SecretMove> moves = new ArrayList<>();
        for (FoundKey key : keys) {
            moves.add(new SecretMove(
                    key.reference(), key.provider(), key.label(), key.lastFour(), disposition(key, status)));
        }
        ImportCounts counts = new ImportCounts(read, created, updated, unchanged, rejected, ignored, secrets);
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
                listed,
                outcomes - listed.size(),
                moves,
                notes,
                failure);
    }

    private Disposition disposition(FoundKey key, ImportStatus status) {
        if (!key.accepted()) {
            return Disposition.NOT_MOVED;
        }
        if (sink == null) {
            return status == ImportStatus.COMMITTED || status == ImportStatus.DRY_RUN
                    ? Disposition.DROPPED
                    : Disposition.NOT_MOVED;
        }
        return switch (status) {
            case COMMITTED -> Disposition.MOVED;
            case DRY_RUN -> Disposition.WOULD_MOVE;
            default -> Disposition.NOT_MOVED;
        };
    }
}
