package io.llmadmin.migration.legacy;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.migration.legacy.internal.ReportRendering;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What one import did, or would do: counts over every row, the rows one by one (up to the run's list limit), the API
 * keys found (by last four characters only), notes, and why it failed if it did. Rendered as JSON ({@link #toJson()},
 * also recorded with the run) and as text for people ({@link #toText()}). Holds no secret.
 *
 * @param runId the recorded {@code ImportRun}'s id
 * @param sourceKind what kind of source was read
 * @param source the source, without credentials
 * @param dryRun whether it only planned
 * @param strict whether a rejection failed the run
 * @param status how it ended
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param counts what the run wrote (or, in a dry run, would write): for a run refused by strict mode or failed, no
 *     row was created, updated or left unchanged, so those counts are 0 and {@code planned} holds the plan
 * @param rows the rows one by one, in input order, at most the list limit of them
 * @param rowsNotListed how many rows the list leaves out
 * @param secrets the keys found, at most the list limit of them
 * @param notes remarks on the source as a whole (a skipped table, ignored models)
 * @param failure why the run failed (never quoting data), or null
 * @param planned the counts over every row as planned, whether or not the run wrote them
 * @param keysStored keys the vault took in this run (a key it already held is not counted)
 */
public record ImportReport(
        Long runId,
        ImportSourceKind sourceKind,
        String source,
        boolean dryRun,
        boolean strict,
        ImportStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        ImportCounts counts,
        List<RowOutcome> rows,
        int rowsNotListed,
        List<SecretMove> secrets,
        List<String> notes,
        String failure,
        ImportCounts planned,
        int keysStored) {

    public ImportReport {
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(planned, "planned");
        rows = List.copyOf(rows);
        secrets = List.copyOf(secrets);
        notes = List.copyOf(notes);
    }

    /**
     * Whether the run changed nothing: no row created or updated and no key stored (or none would be, in a dry run).
     */
    public boolean nothingChanged() {
        return counts.created() == 0 && counts.updated() == 0 && keysStored == 0;
    }

    /** Whether every accepted row landed (a committed real run). */
    public boolean committed() {
        return status == ImportStatus.COMMITTED;
    }

    /** The rows with the given action among those listed. */
    public List<RowOutcome> rows(RowAction action) {
        return rows.stream().filter(row -> row.action() == action).toList();
    }

    /** The report as one JSON object. */
    public String toJson() {
        return ReportRendering.json(this);
    }

    /** The report as text for people: a summary, then one line per listed row. */
    public String toText() {
        return ReportRendering.text(this);
    }
}
