package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.ImportStore;
import io.llmadmin.migration.legacy.LegacyImporter;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.vault.ApiCredentials;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the legacy importer inside the server: every model checked by the admin API's rules and audited, keys into the
 * encrypted vault (audited too), and the run's own audit event, all in the run's transaction; the catalog refreshed
 * once it committed. A run either answers its request when done, or runs as a task on
 * the managed executor whose progress (rows processed so far) and report can be polled.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    /** Finished tasks kept for polling; the runs themselves stay in the database. */
    private static final int KEPT_TASKS = 100;

    /** One import running in the background, as its poller sees it. */
    public static final class Task {
        private final String id = UUID.randomUUID().toString();
        private final AtomicInteger rowsProcessed = new AtomicInteger();
        private volatile ImportReport report;
        private volatile String failure;

        public String id() {
            return id;
        }

        public int rowsProcessed() {
            return rowsProcessed.get();
        }

        /** The report once the run has ended. */
        public Optional<ImportReport> report() {
            return Optional.ofNullable(report);
        }

        /** Why the task ended without a report (the server failed around the importer), or empty. */
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        /**
         * {@code RUNNING}; {@code DONE} when the run committed or was a dry run; {@code REJECTED} when strict mode
         * refused it; {@code FAILED} when it failed (the report says why) or the server failed around it.
         */
        public String state() {
            ImportReport ended = report;
            if (ended != null) {
                return switch (ended.status()) {
                    case COMMITTED, DRY_RUN -> "DONE";
                    case REJECTED -> "REJECTED";
                    default -> "FAILED";
                };
            }
            return failure != null ? "FAILED" : "RUNNING";
        }
    }

    private final ImportStore store;
    private final ApiCredentials credentials;
    private final ModelCatalog catalog;
    private final AuditLog auditLog;
    private final ManagedExecutorService executor;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    @Inject
    public ImportRunner(
            ImportStore store,
            ApiCredentials credentials,
            ModelCatalog catalog,
            AuditLog auditLog,
            @ContainerExecutor ManagedExecutorService executor) {
        this.store = store;
        this.credentials = credentials;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.executor = executor;
    }

    /** For the CDI proxy only. */
    protected ImportRunner() {
        this(null, null, null, null, null);
    }

    /** Runs an import on the calling thread and returns its report. */
    public ImportReport run(LegacySource source, ImportOptions options, String actor, Consumer<RowOutcome> progress) {
        ImportReport report = new LegacyImporter(
                        store,
                        new VaultSecretSink(credentials, auditLog, actor),
                        new ServerImportHooks(auditLog, actor))
                .run(source, options, progress);
        if (report.committed()) {
            catalog.invalidate();
        }
        return report;
    }

    /**
     * Starts an import on the managed executor and returns its task at once; {@code cleanup} runs when it ends,
     * whatever the outcome (it deletes the uploaded file).
     */
    public Task submit(LegacySource source, ImportOptions options, String actor, Runnable cleanup) {
        Task task = new Task();
        forgetOldTasks();
        tasks.put(task.id(), task);
        executor.submit(() -> {
            try {
                task.report = run(source, options, actor, row -> task.rowsProcessed.incrementAndGet());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Import task " + task.id() + " failed", e);
                task.failure = "the import could not run: " + e.getClass().getSimpleName();
            } finally {
                cleanup.run();
            }
        });
        return task;
    }

    /** The recorded runs, newest first (at most 500). */
    public List<ImportRunView> recentRuns(int limit) {
        return store.recentRuns(Math.max(1, Math.min(limit, 500)));
    }

    /** One recorded run. */
    public Optional<ImportRunView> findRun(long id) {
        return store.findRun(id);
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    private void forgetOldTasks() {
        if (tasks.size() >= KEPT_TASKS) {
            tasks.values().removeIf(task -> !task.state().equals("RUNNING"));
        }
    }
}
