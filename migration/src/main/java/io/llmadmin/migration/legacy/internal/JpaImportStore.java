package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.ImportStore;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretSink;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The import store over one entity manager and the transactions its platform gives it. */
public class JpaImportStore implements ImportStore {

    private final EntityManager entityManager;
    private final ImportTransaction transaction;

    public JpaImportStore(EntityManager entityManager, ImportTransaction transaction) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
    }

    /** A store over an entity manager's own resource-local transactions (command line, tests). */
    public static JpaImportStore resourceLocal(EntityManager entityManager) {
        return new JpaImportStore(entityManager, ImportTransaction.resourceLocal(entityManager));
    }

    @Override
    public ImportReport run(
            LegacySource source,
            ImportOptions options,
            SecretSink sink,
            ImportHooks hooks,
            Consumer<RowOutcome> progress) {
        return new JpaImport(entityManager, transaction, sink, source, options, hooks, progress).run();
    }

    @Override
    public List<ImportRunView> recentRuns(int limit) {
        return entityManager
                .createQuery("SELECT r FROM ImportRun r ORDER BY r.startedAt DESC, r.id DESC", ImportRun.class)
                .setMaxResults(Math.max(1, limit))
                .getResultList()
                .stream()
                .map(ImportRunView::of)
                .toList();
    }

    @Override
    public Optional<ImportRunView> findRun(long id) {
        return Optional.ofNullable(entityManager.find(ImportRun.class, id)).map(ImportRunView::of);
    }
}
