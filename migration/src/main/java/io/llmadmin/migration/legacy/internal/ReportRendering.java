package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretMove;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Locale;

/** An import report as JSON and as text. Both hold what the report holds: no secret, keys by last four only. */
public final class ReportRendering {

    private ReportRendering() {}

    public static String json(ImportReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject();
            if (report.runId() != null) {
                json.write("runId", report.runId());
            }
            json.write("sourceKind", report.sourceKind().name());
            json.write("source", report.source());
            json.write("dryRun", report.dryRun());
            json.write("strict", report.strict());
            json.write("status", report.status().name());
            json.write("startedAt", report.startedAt().toString());
            json.write("finishedAt", report.finishedAt().toString());
            json.write("nothingChanged", report.nothingChanged());
            ImportCounts counts = report.counts();
            json.writeStartObject("counts")
                    .write("read", counts.read())
                    .write("created", counts.created())
                    .write("updated", counts.updated())
                    .write("unchanged", counts.unchanged())
                    .write("rejected", counts.rejected())
                    .write("ignored", counts.ignored())
                    .write("secrets", counts.secrets())
                    .writeEnd();
            ImportCounts planned = report.planned();
            json.writeStartObject("planned")
                    .write("read", planned.read())
                    .write("created", planned.created())
                    .write("updated", planned.updated())
                    .write("unchanged", planned.unchanged())
                    .write("rejected", planned.rejected())
                    .write("ignored", planned.ignored())
                    .write("secrets", planned.secrets())
                    .writeEnd();
            json.write("keysStored", report.keysStored());
            json.writeStartArray("rows");
            for (RowOutcome row : report.rows()) {
                json.writeStartObject();
                json.write("reference", row.reference());
                writeNullable(json, "catalogId", row.catalogId());
                json.write("action", row.action().name());
                writeNullable(json, "detail", row.detail());
                json.writeEnd();
            }
            json.writeEnd();
            json.write("rowsNotListed", report.rowsNotListed());
            json.writeStartArray("secrets");
            for (SecretMove secret : report.secrets()) {
                json.writeStartObject()
                        .write("reference", secret.reference())
                        .write("provider", secret.provider())
                        .write("label", secret.label())
                        .write("lastFour", secret.lastFour())
                        .write("disposition", secret.disposition().name())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("notes");
            report.notes().forEach(json::write);
            json.writeEnd();
            writeNullable(json, "failure", report.failure());
            json.writeEnd();
        }
        return out.toString();
    }

    private static void writeNullable(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    public static String text(ImportReport report) {
        StringBuilder text = new StringBuilder();
        ImportCounts counts = report.counts();
        text.append(report.dryRun() ? "Dry run" : "Import")
                .append(report.runId() == null ? "" : " #" + report.runId())
                .append(" from ")
                .append(report.source())
                .append(": ")
                .append(headline(report))
                .append('\n');
        text.append(String.format(
                Locale.ROOT,
                "  %d read: %d %s, %d %s, %d unchanged, %d rejected, %d ignored; %d API key(s) found%n",
                counts.read(),
                counts.created(),
                report.dryRun() ? "to create" : "created",
                counts.updated(),
                report.dryRun() ? "to update" : "updated",
                counts.unchanged(),
                counts.rejected(),
                counts.ignored(),
                counts.secrets()));
        if (report.failure() != null) {
            text.append("  failure: ").append(report.failure()).append('\n');
        }
        report.notes().forEach(note -> text.append("  note: ").append(note).append('\n'));
        for (RowOutcome row : report.rows()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-9s %-40s %s%s%n",
                    row.action(),
                    row.catalogId() == null ? "-" : row.catalogId(),
                    row.reference(),
                    row.detail() == null ? "" : ": " + row.detail()));
        }
        if (report.rowsNotListed() > 0) {
            text.append("  ... ").append(report.rowsNotListed()).append(" more row(s) not listed\n");
        }
        for (SecretMove secret : report.secrets()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  key ...%s for %s (%s, from %s): %s%n",
                    secret.lastFour(),
                    secret.provider(),
                    secret.label(),
                    secret.reference(),
                    secret.disposition().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        return text.toString();
    }

    private static String headline(ImportReport report) {
        ImportStatus status = report.status();
        return switch (status) {
            case COMMITTED ->
                report.nothingChanged() ? "nothing changed (every row already matches, or was rejected)" : "committed";
            case DRY_RUN ->
                report.nothingChanged()
                        ? "nothing would change; nothing was written"
                        : "plan only; nothing was written";
            case REJECTED -> "rejected (strict): nothing was written";
            case FAILED -> "FAILED: nothing was written";
            case RUNNING -> "still running";
        };
    }
}
