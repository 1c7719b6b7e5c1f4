package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy importer as an admin action: {@code POST /api/admin/imports/fixture} (a {@code dumpdata} JSON body),
 * {@code .../settings} (the legacy agent's settings JSON), {@code .../django} (a live Django database on PostgreSQL or
 * MySQL/MariaDB, named in a small JSON body) and {@code .../django/sqlite} (Django's default SQLite database, the
 * {@code db.sqlite3} file as the body). Options ({@code dryRun}, {@code strict}, {@code dropSecrets}, {@code async})
 * are {@code true} or {@code false}, in the query or (Django database) the body; anything else is a 400. The app
 * labels and table names are those of the command line: {@code configurationModel} / {@code metadataModel} for a
 * fixture, {@code configurationTable} / {@code metadataTable} ({@code none} to skip) for a database.
 *
 * <p>Without {@code async} the answer is the import report: 200 when the run committed or was a dry run, 422 when it
 * wrote nothing (strict mode refused it, or it failed), the report saying which and why. With {@code async=true} the
 * run goes to the background: 202 with the task's address. Uploads are limited to {@code LLMADMIN_IMPORT_MAX_BYTES}
 * (413 past it); database hosts to loopback and {@code LLMADMIN_IMPORT_DATABASE_HOSTS}.
 */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportAdminResource {

    private static final Set<String> CONNECTION_MEMBERS = Set.of(
            "jdbcUrl",
            "user",
            "password",
            "configurationTable",
            "metadataTable",
            "dryRun",
            "strict",
            "dropSecrets",
            "async");

    private final ImportRunner runner;
    private final ImportSources sources;

    @Inject
    public ImportAdminResource(ImportRunner runner, ImportSources sources) {
        this.runner = runner;
        this.sources = sources;
    }

    /** For the CDI proxy only. */
    protected ImportAdminResource() {
        this(null, null);
    }

    @POST
    @Path("/fixture")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response importFixture(
            InputStream body,
            @QueryParam("name") @DefaultValue("upload.json") String name,
            @QueryParam("configurationModel") String configurationModel,
            @QueryParam("metadataModel") String metadataModel,
            @BeanParam ImportFlags flags) {
        ImportOptions options = flags.options();
        java.nio.file.Path upload = ImportRequests.spool(body, sources.maxUploadBytes(), ".json");
        LegacySource source =
                withUpload(upload, () -> sources.fixture(name, upload, configurationModel, metadataModel));
        return start(source, options, flags.background(), upload, flags);
    }

    @POST
    @Path("/settings")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response importSettings(
            InputStream body,
            @QueryParam("name") @DefaultValue("settings.json") String name,
            @BeanParam ImportFlags flags) {
        ImportOptions options = flags.options();
        java.nio.file.Path upload = ImportRequests.spool(body, sources.maxUploadBytes(), ".json");
        LegacySource source = sources.settings(name, upload);
        return start(source, options, flags.background(), upload, flags);
    }

    /**
     * A live Django database, read-only. The body names it: {@code jdbcUrl} (plain {@code jdbc:postgresql://},
     * {@code jdbc:mariadb://} or {@code jdbc:mysql://} URL, no properties), {@code user}, {@code password} (never
     * stored or echoed), the tables and the options.
     */
    @POST
    @Path("/django")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importDjangoDatabase(InputStream body, @BeanParam ImportFlags flags) {
        JsonObject request =
                ImportRequests.smallObject(body, ImportRequests.MAX_CONNECTION_BODY_BYTES, CONNECTION_MEMBERS);
        ImportOptions options = flags.options(request);
        boolean background = flags.background(request);
        LegacySource source = valid(() -> sources.database(
                ImportRequests.text(request, "jdbcUrl"),
                ImportRequests.text(request, "user"),
                ImportRequests.text(request, "password"),
                ImportRequests.text(request, "configurationTable"),
                ImportRequests.text(request, "metadataTable")));
        return start(source, options, background, null, flags);
    }

    /** Django's default database: the {@code db.sqlite3} file as the body, read-only. */
    @POST
    @Path("/django/sqlite")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/vnd.sqlite3", "application/x-sqlite3"})
    public Response importDjangoSqlite(
            InputStream body,
            @QueryParam("configurationTable") String configurationTable,
            @QueryParam("metadataTable") String metadataTable,
            @BeanParam ImportFlags flags) {
        ImportOptions options = flags.options();
        java.nio.file.Path upload = ImportRequests.spool(body, sources.maxUploadBytes(), ".sqlite3");
        LegacySource source = withUpload(upload, () -> sources.sqlite(upload, configurationTable, metadataTable));
        return start(source, options, flags.background(), upload, flags);
    }

    /** The recorded runs, newest first, without their reports. */
    @GET
    public List<Map<String, Object>> list(@QueryParam("limit") @DefaultValue("50") String limitText) {
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw ImportRequests.invalid("limit", "must be a whole number");
        }
        return runner.recentRuns(limit).stream()
                .map(ImportAdminResource::summary)
                .toList();
    }

    /** One run's full report, as JSON. */
    @GET
    @Path("/{id: [0-9]+}")
    public Response report(@PathParam("id") long id) {
        ImportRunView run = runner.findRun(id)
                .orElseThrow(() -> new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No import run " + id)));
        return Response.ok(run.reportJson() == null ? "{}" : run.reportJson(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** A background import: its state, the rows processed so far, and its report once it has ended. */
    @GET
    @Path("/tasks/{taskId}")
    public Response task(@PathParam("taskId") String taskId) {
        ImportRunner.Task task = runner.task(taskId)
                .orElseThrow(() ->
                        new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No import task '" + taskId + "'")));
        return Response.ok(taskJson(task), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response start(
            LegacySource source, ImportOptions options, boolean async, java.nio.file.Path upload, ImportFlags flags) {
        String actor = flags.actor();
        Runnable cleanup = () -> ImportRequests.delete(upload);
        if (async) {
            ImportRunner.Task task = runner.submit(source, options, actor, cleanup);
            return Response.accepted(taskJson(task))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .location(flags.uri()
                            .getBaseUriBuilder()
                            .path("imports/tasks/{id}")
                            .build(task.id()))
                    .build();
        }
        try {
            ImportReport report = runner.run(source, options, actor, row -> {});
            // 422 for a run that wrote nothing: refused by strict mode, or failed; the report says which and why.
            int status = switch (report.status()) {
                case COMMITTED, DRY_RUN -> 200;
                default -> 422;
            };
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(report.toJson())
                    .build();
        } finally {
            cleanup.run();
        }
    }

    private static String taskJson(ImportRunner.Task task) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("taskId", task.id())
                .add("state", task.state())
                .add("rowsProcessed", task.rowsProcessed());
        task.report().ifPresent(report -> {
            try (JsonReader reader = JSON.createReader(new StringReader(report.toJson()))) {
                json.add("report", reader.readObject());
            }
        });
        task.failure().ifPresent(failure -> json.add("failure", failure));
        return json.build().toString();
    }

    private static Map<String, Object> summary(ImportRunView run) {
        ImportCounts counts = run.counts();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("source", run.sourceKind().name());
        json.put("description", run.sourceDescription());
        json.put("dryRun", run.dryRun());
        json.put("strict", run.strict());
        json.put("status", run.status().name());
        json.put("startedAt", run.startedAt().toString());
        json.put(
                "counts",
                Map.of(
                        "read", counts.read(),
                        "created", counts.created(),
                        "updated", counts.updated(),
                        "unchanged", counts.unchanged(),
                        "rejected", counts.rejected(),
                        "ignored", counts.ignored(),
                        "secrets", counts.secrets()));
        return json;
    }

    /** The source, or the 400 naming what is wrong with it. */
    private static LegacySource valid(java.util.function.Supplier<LegacySource> source) {
        try {
            return source.get();
        } catch (ImportSources.InvalidSource e) {
            throw ImportRequests.invalid(e.field(), e.getMessage());
        }
    }

    /** The source of an upload; a refused one deletes the upload at once. */
    private static LegacySource withUpload(
            java.nio.file.Path upload, java.util.function.Supplier<LegacySource> source) {
        try {
            return valid(source);
        } catch (RuntimeException e) {
            ImportRequests.delete(upload);
            throw e;
        }
    }
}
