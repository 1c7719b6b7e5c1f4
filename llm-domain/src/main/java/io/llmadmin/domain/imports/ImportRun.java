package io.llmadmin.domain.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One run of the legacy importer, real or dry: recorded when it starts (status {@link ImportStatus#RUNNING}) and
 * completed once with how it ended, its counts and its report. Runs are history: once finished, nothing changes them.
 *
 * <p>The source description names the source for people ({@code jdbc:postgresql://db:5432/legacy},
 * {@code fixture llm.json}); whoever records the run strips credentials from it first, and the report holds no secret
 * (API keys appear only by their last four characters).
 */
@Entity
@Table(name = "import_run")
public class ImportRun {

    /** Longest source description kept; longer ones are cut by {@link #ImportRun}. */
    public static final int MAX_DESCRIPTION = 500;

    /** Longest failure message kept. */
    public static final int MAX_FAILURE = 1000;

    @Id
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 30)
    private ImportSourceKind sourceKind;

    @Column(name = "source_description", nullable = false, length = MAX_DESCRIPTION)
    private String sourceDescription;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Column(name = "strict_mode", nullable = false)
    private boolean strict;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ImportStatus status;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_created", nullable = false)
    private int rowsCreated;

    @Column(name = "rows_updated", nullable = false)
    private int rowsUpdated;

    @Column(name = "rows_unchanged", nullable = false)
    private int rowsUnchanged;

    @Column(name = "rows_rejected", nullable = false)
    private int rowsRejected;

    @Column(name = "rows_ignored", nullable = false)
    private int rowsIgnored;

    @Column(name = "secrets_found", nullable = false)
    private int secretsFound;

    @Column(name = "failure", length = MAX_FAILURE)
    private String failure;

    /** The report as JSON, as the importer rendered it. */
    @Column(name = "report_json")
    private String reportJson;

    /** For JPA only. */
    protected ImportRun() {}

    /**
     * A run that starts now.
     *
     * @param sourceKind what kind of source it reads
     * @param sourceDescription the source, for people, without credentials; cut to {@value #MAX_DESCRIPTION}
     *     characters
     * @param dryRun whether it only plans
     * @param strict whether any rejected row fails the whole run
     */
    public ImportRun(ImportSourceKind sourceKind, String sourceDescription, boolean dryRun, boolean strict) {
        this.sourceKind = Objects.requireNonNull(sourceKind, "sourceKind");
        if (sourceDescription == null || sourceDescription.isBlank()) {
            throw new IllegalArgumentException("sourceDescription must not be blank");
        }
        this.sourceDescription = cut(sourceDescription, MAX_DESCRIPTION);
        this.dryRun = dryRun;
        this.strict = strict;
        this.status = ImportStatus.RUNNING;
        this.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Records how the run ended. A run finishes once.
     *
     * @param outcome how it ended; not {@link ImportStatus#RUNNING}
     * @param counts what it did with the rows
     * @param failureMessage why it failed (without secrets), or null
     * @param report the report as JSON
     * @throws IllegalStateException when the run has finished already
     */
    public void finish(ImportStatus outcome, ImportCounts counts, String failureMessage, String report) {
        Objects.requireNonNull(outcome, "status");
        Objects.requireNonNull(counts, "counts");
        if (outcome == ImportStatus.RUNNING) {
            throw new IllegalArgumentException("a run cannot finish as RUNNING");
        }
        if (status != ImportStatus.RUNNING) {
            throw new IllegalStateException("import run " + id + " has finished already (" + status + ")");
        }
        this.status = outcome;
        this.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.rowsRead = counts.read();
        this.rowsCreated = counts.created();
        this.rowsUpdated = counts.updated();
        this.rowsUnchanged = counts.unchanged();
        this.rowsRejected = counts.rejected();
        this.rowsIgnored = counts.ignored();
        this.secretsFound = counts.secrets();
        this.failure = failureMessage == null ? null : cut(failureMessage, MAX_FAILURE);
        this.reportJson = report;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    public Long id() {
        return id;
    }

    public ImportSourceKind sourceKind() {
        return sourceKind;
    }

    public String sourceDescription() {
        return sourceDescription;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean strict() {
        return strict;
    }

    public ImportStatus status() {
        return status;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public ImportCounts counts() {
        return new ImportCounts(
                rowsRead, rowsCreated, rowsUpdated, rowsUnchanged, rowsRejected, rowsIgnored, secretsFound);
    }

    public String failure() {
        return failure;
    }

    public String reportJson() {
        return reportJson;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ImportRun that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return ImportRun.class.hashCode();
    }

    @Override
    public String toString() {
        return "ImportRun[" + id + ", " + sourceKind + ", " + status + (dryRun ? ", dry run" : "") + "]";
    }
}
