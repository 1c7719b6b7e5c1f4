package io.llmadmin.migration.legacy.internal;

import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.ImportStore;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretSink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The command line's import store: its own persistence unit on the target database, resource-local, with JDBC batch
 * writing. Close it to release the database.
 */
public final class CommandLineImportStore implements ImportStore, AutoCloseable {

    private final EntityManagerFactory factory;
    private final EntityManager entityManager;
    private final JpaImportStore store;

    private CommandLineImportStore(EntityManagerFactory factory) {
        this.factory = factory;
        this.entityManager = factory.createEntityManager();
        this.store = JpaImportStore.resourceLocal(entityManager);
    }

    /** Opens the {@code llmadmin} persistence unit on {@code target}, writing {@code batchSize} rows per batch. */
    public static CommandLineImportStore open(DataSource target, int batchSize) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.nonJtaDataSource", target);
        // The importer validates every row itself; no Bean Validation provider on the command line.
        properties.put("jakarta.persistence.validation.mode", "NONE");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", String.valueOf(batchSize));
        properties.put("eclipselink.cache.shared.default", "false");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("llmadmin", properties);
        try {
            return new CommandLineImportStore(factory);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    @Override
    public ImportReport run(
            LegacySource source,
            ImportOptions options,
            SecretSink sink,
            ImportHooks hooks,
            Consumer<RowOutcome> progress) {
        return store.run(source, options, sink, hooks, progress);
    }

    @Override
    public List<ImportRunView> recentRuns(int limit) {
        return store.recentRuns(limit);
    }

    @Override
    public Optional<ImportRunView> findRun(long id) {
        return store.findRun(id);
    }

    @Override
    public void close() {
        try {
            entityManager.close();
        } finally {
            factory.close();
        }
    }
}
