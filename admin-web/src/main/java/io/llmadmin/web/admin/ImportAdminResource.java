package io.llmadmin.web.admin;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.migration.legacy.DjangoTables;
import io.llmadmin.migration.legacy.FixtureModels;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.LegacyImporter;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.LegacySourceException;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The legacy importer as an admin action: {@code POST /api/admin/imports/fixture} (a {@code dumpdata} JSON body),
 * {@code .../settings} (the legacy agent's settings JSON) and {@code .../django} (a live Django database), each with
 * {@code dryRun}, {@code strict} and {@code dropSecrets}; {@code GET /api/admin/imports} lists the runs. API keys found
 * in the legacy data go into the encrypted vault in the run's transaction. The answer is the import report: 200 when
 * the run committed or was a dry run, 422 when it wrote nothing (strict mode refused it, or it failed: the input could
 * not be read, the database refused a row), 400 for a request without a body or a database URL.
 */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportAdminResource {

    /** A bulk import can run for minutes; the container's default transaction timeout would cut it off. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    private final EntityManager entityManager;
    private final UserTransaction transaction;
    private final ApiCredentials credentials;
    private final ModelCatalog catalog;
    private final AuditLog auditLog;

    @Inject
    public ImportAdminResource(
            EntityManager entityManager,
            UserTransaction transaction,
            ApiCredentials credentials,
            ModelCatalog catalog,
            AuditLog auditLog) {
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.credentials = credentials;
        this.catalog = catalog;
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected ImportAdminResource() {
        this(null, null, null, null, null);
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
            @Context SecurityContext security) {
        java.nio.file.Path upload = spool(body);
        try {
            return run(
                    LegacySource.fixture(
                            "fixture " + name, () -> Files.newInputStream(upload), FixtureModels.defaults()),
                    options(dryRun, strict, dropSecrets),
                    security);
        } finally {
            delete(upload);
        }
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
            @Context SecurityContext security) {
        java.nio.file.Path upload = spool(body);
        try {
            return run(
                    LegacySource.agentSettings("settings " + name, () -> Files.newInputStream(upload)),
                    options(dryRun, strict, dropSecrets),
                    security);
        } finally {
            delete(upload);
        }
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
            boolean dropSecrets) {

        @Override
        public String toString() {
            return "DjangoDatabaseRequest[" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    @POST
    @Path("/django")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importDjangoDatabase(DjangoDatabaseRequest request, @Context SecurityContext security) {
        if (request == null || request.jdbcUrl() == null || !request.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new ApiException(ApiError.of(
                    Response.Status.BAD_REQUEST, "jdbcUrl: a jdbc:postgresql: URL of the Django database is required"));
        }
        DjangoTables tables = new DjangoTables(
                orDefault(request.configurationTable(), DjangoTables.DEFAULT_CONFIGURATION_TABLE),
                orDefault(request.metadataTable(), DjangoTables.DEFAULT_METADATA_TABLE));
        return run(
                LegacySource.djangoDatabase(request.jdbcUrl(), request.user(), request.password(), tables),
                options(request.dryRun(), request.strict(), request.dropSecrets()),
                security);
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
    @Path("/{id}")
    public Response report(@PathParam("id") long id) {
        ImportRun run = entityManager.find(ImportRun.class, id);
        if (run == null) {
            throw new ApiException(ApiError.of(Response.Status.NOT_FOUND, "No import run " + id));
        }
        return Response.ok(run.reportJson() == null ? "{}" : run.reportJson(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private Response run(LegacySource source, ImportOptions options, SecurityContext security) {
        ImportReport report;
        try {
            transaction.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
            report = new LegacyImporter(
                            entityManager, new JtaImportTransaction(transaction), new VaultSecretSink(credentials))
                    .run(source, options);
        } catch (LegacySourceException e) {
            throw new ApiException(ApiError.of(Response.Status.BAD_REQUEST, e.getMessage()));
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException("Cannot set the import's transaction timeout", e);
        } finally {
            try {
                transaction.setTransactionTimeout(0);
            } catch (jakarta.transaction.SystemException e) {
                // Only resets the timeout to the container default for this thread; nothing to undo.
            }
        }
        if (report.committed()) {
            catalog.invalidate();
            audit(report, security);
        }
        // 422 for a run that wrote nothing: refused by strict mode, or failed (unreadable input, a row the database
        // refused); the report says which and why.
        int status = switch (report.status()) {
            case COMMITTED, DRY_RUN -> 200;
            default -> 422;
        };
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(report.toJson())
                .build();
    }

    /** One audit event per committed run, in its own transaction after the rows committed. */
    private void audit(ImportReport report, SecurityContext security) {
        String actor = security.getUserPrincipal() == null
                ? "anonymous"
                : security.getUserPrincipal().getName();
        try {
            transaction.begin();
            auditLog.record(
                    actor,
                    "IMPORT",
                    "ImportRun",
                    String.valueOf(report.runId()),
                    null,
                    "{\"source\":\"" + report.sourceKind() + "\",\"counts\":\"" + report.counts() + "\"}");
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("The import committed but its audit event could not be written", e);
        }
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
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind holds no secret that is not also in the caller's own copy; the OS reaps it.
        }
    }
}
