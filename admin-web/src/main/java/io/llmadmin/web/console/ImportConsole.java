package io.llmadmin.web.console;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.web.admin.ImportRunner;
import io.llmadmin.web.admin.ImportSources;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * The import page ({@code /console/import.xhtml}): an admin names a source (an uploaded fixture, settings file or
 * SQLite database, or a Django database by URL), always sees the dry run's plan first (action and reason per row),
 * then imports it in the background; the page follows the run ({@code ?task=}) across reloads. Everyone signed in
 * sees the run history with its reports; only admins may import.
 */
@Named("imports")
@ViewScoped
public class ImportConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String UPLOAD_FIELD = "importForm:upload";
    private static final int RUNS_SHOWN = 20;

    private final ImportRunner runner;
    private final ImportSources sources;
    private final SignedInUser signedIn;

    private String kind = "fixture";
    private transient UploadedFile upload;
    private String configurationModel;
    private String metadataModel;
    private String configurationTable;
    private String metadataTable;
    private String jdbcUrl;
    private String user;
    private String password;
    private boolean strict;
    private boolean dropSecrets;

    private String spooled;
    private String spooledName;
    private List<RowOutcome> preview;
    private String previewSummary;
    private String taskId;
    private Long shownRunId;

    @Inject
    public ImportConsole(ImportRunner runner, ImportSources sources, SignedInUser signedIn) {
        this.runner = runner;
        this.sources = sources;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ImportConsole() {
        this(null, null, null);
    }

    /** Dry-runs the named source and shows its plan; nothing is written. */
    public void preview() {
        if (!signedIn.isAdmin()) {
            ConsoleMessages.error("Only admins may import.");
            return;
        }
        preview = null;
        try {
            if (!kind.equals("database")) {
                spool();
            }
            ImportReport report = runner.run(source(), options().withDryRun(true), signedIn.getName(), row -> {});
            preview = report.rows();
            previewSummary = summary(report);
        } catch (ImportSources.InvalidSource e) {
            ConsoleMessages.fieldError(fieldOf(e.field()), e.field() + " " + e.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Imports the previewed source in the background and follows the run at {@code ?task=}. */
    public String importNow() {
        if (!signedIn.isAdmin() || preview == null) {
            ConsoleMessages.error("Preview the import first.");
            return null;
        }
        String kept = spooled;
        ImportRunner.Task task = runner.submit(source(), options(), signedIn.getName(), () -> delete(kept));
        spooled = null;
        preview = null;
        return "/console/import?faces-redirect=true&task=" + task.id();
    }

    /** The followed run's task, if this instance still knows it. */
    public Optional<ImportRunner.Task> task() {
        return taskId == null || runner == null ? Optional.empty() : runner.task(taskId);
    }

    public boolean isFollowing() {
        return task().isPresent();
    }

    public boolean isRunning() {
        return task().map(t -> t.state().equals("RUNNING")).orElse(false);
    }

    public String getTaskState() {
        return task().map(ImportRunner.Task::state).orElse("");
    }

    public int getRowsProcessed() {
        return task().map(ImportRunner.Task::rowsProcessed).orElse(0);
    }

    public String getTaskSummary() {
        return task().flatMap(ImportRunner.Task::report)
                .map(ImportConsole::summary)
                .orElseGet(() -> task().flatMap(ImportRunner.Task::failure).orElse(""));
    }

    public List<ImportRunView> getRuns() {
        return runner.recentRuns(RUNS_SHOWN);
    }

    /** Shows one run's report under the history. */
    public void showRun(long id) {
        shownRunId = id;
    }

    /** The rows of the shown run's report: reference, catalog id, action and reason. */
    public List<JsonObject> getShownRows() {
        if (shownRunId == null) {
            return List.of();
        }
        return runner.findRun(shownRunId)
                .map(ImportRunView::reportJson)
                .filter(json -> json != null && !json.isBlank())
                .map(ImportConsole::reportRows)
                .orElse(List.of());
    }

    private static List<JsonObject> reportRows(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject report = reader.readObject();
            JsonValue rows = report.get("rows");
            return rows == null || rows.getValueType() != JsonValue.ValueType.ARRAY
                    ? List.of()
                    : rows.asJsonArray().getValuesAs(JsonObject.class);
        }
    }

    private static String summary(ImportReport report) {
        var counts = report.status().name().equals("COMMITTED") || report.dryRun() ? report.counts() : report.planned();
        String text = report.status() + ": " + counts.read() + " read, " + counts.created() + " to create, "
                + counts.updated() + " to update, " + counts.unchanged() + " unchanged, " + counts.rejected()
                + " rejected, " + counts.ignored() + " ignored, " + counts.secrets() + " keys";
        return report.failure() == null ? text : text + ". " + report.failure();
    }

    private LegacySource source() {
        Path file = spooled == null ? null : Path.of(spooled);
        return switch (kind) {
            case "settings" -> sources.settings(spooledName, file);
            case "sqlite" -> sources.sqlite(file, configurationTable, metadataTable);
            case "database" -> sources.database(jdbcUrl, user, password, configurationTable, metadataTable);
            default -> sources.fixture(spooledName, file, configurationModel, metadataModel);
        };
    }

    private ImportOptions options() {
        return ImportOptions.defaults().withStrict(strict).withDropSecrets(dropSecrets);
    }

    /** Keeps a chosen file on disk for the preview and the import; a new choice replaces the last one. */
    private void spool() {
        if (upload == null
                || upload.getFileName() == null
                || upload.getFileName().isBlank()) {
            if (spooled != null) {
                return;
            }
            throw new ImportSources.InvalidSource("upload", "choose a file to import");
        }
        if (upload.getSize() > sources.maxUploadBytes()) {
            throw new ImportSources.InvalidSource(
                    "upload", "is larger than the " + sources.maxUploadBytes() / (1024 * 1024) + " MB an import takes");
        }
        delete(spooled);
        try (InputStream in = upload.getInputStream()) {
            Path file = Files.createTempFile("llmadmin-console-import-", ".upload");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            spooled = file.toString();
            spooledName = upload.getFileName();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded file", e);
        }
    }

    private static void delete(String file) {
        if (file != null) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException e) {
                // A left-over temporary file; the server's temporary directory is cleaned on restart.
            }
        }
    }

    private static String fieldOf(String field) {
        return switch (field) {
            case "jdbcUrl" -> "importForm:jdbcUrl";
            case "configurationModel/metadataModel" -> "importForm:configurationModel";
            case "configurationTable/metadataTable" -> "importForm:configurationTable";
            default -> UPLOAD_FIELD;
        };
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public String getConfigurationModel() {
        return configurationModel;
    }

    public void setConfigurationModel(String value) {
        this.configurationModel = value;
    }

    public String getMetadataModel() {
        return metadataModel;
    }

    public void setMetadataModel(String value) {
        this.metadataModel = value;
    }

    public String getConfigurationTable() {
        return configurationTable;
    }

    public void setConfigurationTable(String value) {
        this.configurationTable = value;
    }

    public String getMetadataTable() {
        return metadataTable;
    }

    public void setMetadataTable(String value) {
        this.metadataTable = value;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    public void setJdbcUrl(String value) {
        this.jdbcUrl = value;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String value) {
        this.user = value;
    }

    /** Never shown again: the field is always empty when the page is drawn. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String value) {
        if (value != null && !value.isEmpty()) {
            this.password = value;
        }
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public boolean isDropSecrets() {
        return dropSecrets;
    }

    public void setDropSecrets(boolean dropSecrets) {
        this.dropSecrets = dropSecrets;
    }

    public List<RowOutcome> getPreview() {
        return preview;
    }

    public boolean isPreviewed() {
        return preview != null;
    }

    public String getPreviewSummary() {
        return previewSummary;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Long getShownRunId() {
        return shownRunId;
    }
}
