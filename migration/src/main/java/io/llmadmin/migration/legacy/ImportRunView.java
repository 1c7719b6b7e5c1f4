package io.llmadmin.migration.legacy;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.domain.imports.ImportStatus;
import java.time.OffsetDateTime;

/**
 * A recorded import run as callers read it (the entity itself stays inside the store).
 *
 * @param finishedAt null while the run is {@code RUNNING}
 * @param failure why it failed, or null
 * @param reportJson the report as JSON, or null while the run is {@code RUNNING}
 */
public record ImportRunView(
        long id,
        ImportSourceKind sourceKind,
        String sourceDescription,
        boolean dryRun,
        boolean strict,
        ImportStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        ImportCounts counts,
        String failure,
        String reportJson) {

    public static ImportRunView of(ImportRun run) {
        return new ImportRunView(
                run.id(),
                run.sourceKind(),
                run.sourceDescription(),
                run.dryRun(),
                run.strict(),
                run.status(),
                run.startedAt(),
                run.finishedAt(),
                run.counts(),
                run.failure(),
                run.reportJson());
    }
}
