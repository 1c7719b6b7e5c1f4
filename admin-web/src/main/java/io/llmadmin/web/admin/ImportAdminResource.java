package io.llmadmin.web.admin;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.migration.legacy.DjangoTables;
import io.llmadmin.migration.legacy.FixtureModels;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The legacy importer as an admin action: {@code POST /api/admin/imports/fixture} (a {@code dumpdata} JSON body),
 * {@code .../settings} (the legacy agent's settings JSON) and {@code .../django} (a live Django database), each with
 * {@code dryRun}, {@code strict} and {@code dropSecrets}. Without {@code async} the answer is the import report: 200
 * when the run committed or was a dry run, 422 when it wrote nothing (strict mode refused it, or it failed: the input
 * could not be read, the database refused a row). With {@code async=true} the run goes to the background: 202 with the
 * task's address, where {@code GET /api/admin/imports/tasks/{id}} shows the rows processed so far and, at the end, the
 * report. {@code GET /api/admin/imports} lists the recorded runs.
 */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportAdminResource {

    private final EntityManager entityManager;
    private final ImportRunner runner;

    @Inject
    public ImportAdminResource(EntityManager entityManager, ImportRunner runner) {
        this.entityManager = entityManager;
        this.runner = runner;
    }

    /** For the CDI proxy only. */
    protected ImportAdminResource() {
        this(null, null);
    }

    @POST
    @Path("/fixture")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importFixture(
            InputStream body,
            @QueryParam("name") @DefaultValue("upload.json") String name,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("strict") boolean strict,
            @QueryParam("dropSecrets") boolean dropSecrets,
            @QueryParam("async") boolean async,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        java.nio.file.Path upload = spool(body);
        LegacySource source =
                LegacySource.fixture("fixture " + name, () -> Files.newInputStream(upload), FixtureModels.defaults());
        return start(source, options(dryRun, strict, dropSecrets), async, upload, security, uri);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importSettings(
            InputStream body,
            @QueryParam("name") @DefaultValue("settings.json") String name,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("strict") boolean strict,
            @QueryParam("dropSecrets") boolean dropSecrets,
            @QueryParam("async") boolean async,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        java.nio.file.Path upload = spool(body);
        LegacySource source = LegacySource.agentSettings("settings " + name, () -> Files.newInputStream(upload));
        return start(source, options(dryRun, strict, dropSecrets), async, upload, security, uri);
    }

    /**
     * The connection to the Django database, read-only; the password travels in the body (never a URL) and is never
     * stored or echoed.
     */
    public record DjangoDatabaseRequest(
            String jdbcUrl,
            String user,
            String password,
            String configurationTable,
            String metadataTable,
            boolean dryRun,
            boolean strict,
            boolean dropSecrets,
            boolean async) {

        @Override
        public String toString() {
            return "DjangoDatabaseRequest[" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    @POST
    @Path("/django")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importDjangoDatabase(
            DjangoDatabaseRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        if (request == null || request.jdbcUrl() == null || !request.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new ApiException(ApiError.of(
                    Response.Status.BAD_REQUEST, "jdbcUrl: a jdbc:postgresql: URL of the Django database is required"));
        }
        DjangoTables tables = new DjangoTables(
                orDefault(request.configurationTable(), DjangoTables.DEFAULT_CONFIGURATION_TABLE),
                orDefault(request.metadataTable(), DjangoTables.DEFAULT_METADATA_TABLE));
        return start(
                LegacySource.djangoDatabase(request.jdbcUrl(), request.user(), request.password(), tables),
                options(request.dryRun(), request.strict(), request.dropSecrets()),
                request.async(),
                null,
                security,
                uri);
    }

    /** The recorded runs, newest first, without their reports. */
    @GET
    public List<Map<String, Object>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return entityManager
                .createQuery("SELECT r FROM ImportRun r ORDER BY r.startedAt DESC, r.id DESC", ImportRun.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList()
                .stream()
                .map(ImportAdminResource::summary)
                .toList();
    }

    /** One run's full report, as JSON. */
    @GET
    @Path("/{id: [0-9]+}")
    public Response report(@PathParam("id") long id) {
        ImportRun run = entityManager.find(ImportRun.class, id);
        if (run == null) {
            throw new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No import run " + id));
        }
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
            LegacySource source,
            ImportOptions options,
            boolean async,
            java.nio.file.Path upload,
            SecurityContext security,
            UriInfo uri) {
        String actor = security.getUserPrincipal() == null
                ? "anonymous"
                : security.getUserPrincipal().getName();
        Runnable cleanup = () -> delete(upload);
        if (async) {
            ImportRunner.Task task = runner.submit(source, options, actor, cleanup);
            return Response.accepted(taskJson(task))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .location(uri.getBaseUriBuilder().path("imports/tasks/{id}").build(task.id()))
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
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("taskId", task.id())
                .add("state", task.state())
                .add("rowsProcessed", task.rowsProcessed());
        task.report().ifPresent(report -> {
            try (JsonReader reader = Json.createReader(new StringReader(report.toJson()))) {
                json.add("report", reader.readObject());
            }
        });
        task.failure().ifPresent(failure -> json.add("failure", failure));
        return json.build().toString();
    }

    private static Map<String, Object> summary(ImportRun run) {
        return Map.of(
                "id", run.id(),
                "source", run.sourceKind().name(),
                "description", run.sourceDescription(),
                "dryRun", run.dryRun(),
                "strict", run.strict(),
                "status", run.status().name(),
                "startedAt", run.startedAt().toString(),
                "counts", run.counts().toString());
    }

    private static ImportOptions options(boolean dryRun, boolean strict, boolean dropSecrets) {
        return ImportOptions.defaults().withDryRun(dryRun).withStrict(strict).withDropSecrets(dropSecrets);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static java.nio.file.Path spool(InputStream body) {
        if (body == null) {
            throw new ApiException(
                    ApiError.of(Response.Status.BAD_REQUEST, "body: the JSON file to import is required"));
        }
        try {
            java.nio.file.Path file = Files.createTempFile("llmadmin-import-", ".json");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot buffer the uploaded import file", e);
        }
    }

    private static void delete(java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind holds nothing the caller did not send; the OS reaps it.
        }
    }
}
