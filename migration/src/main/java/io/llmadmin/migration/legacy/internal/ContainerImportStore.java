package io.llmadmin.migration.legacy.internal;

import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.ImportReport;
import io.llmadmin.migration.legacy.ImportRunView;
import io.llmadmin.migration.legacy.ImportStore;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's import store: the container's entity manager in JTA user transactions, so the vault's writes and the
 * audit events join the run's transaction.
 */
@ApplicationScoped
public class ContainerImportStore implements ImportStore {

    /** A bulk import can run for minutes; the container's default transaction timeout would cut it off. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    private final UserTransaction transaction;
    private final JpaImportStore store;

    @Inject
    public ContainerImportStore(EntityManager entityManager, UserTransaction transaction) {
        this.transaction = transaction;
        this.store = new JpaImportStore(entityManager, new JtaImportTransaction(transaction));
    }

    /** For the CDI proxy only. */
    protected ContainerImportStore() {
        this.transaction = null;
        this.store = null;
    }

    @Override
    public ImportReport run(
            LegacySource source,
            ImportOptions options,
            SecretSink sink,
            ImportHooks hooks,
            Consumer<RowOutcome> progress) {
        try {
            transaction.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
            return store.run(source, options, sink, hooks, progress);
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot set the import's transaction timeout", e);
        } finally {
            resetTimeout();
        }
    }

    @Override
    public List<ImportRunView> recentRuns(int limit) {
        return store.recentRuns(limit);
    }

    @Override
    public Optional<ImportRunView> findRun(long id) {
        return store.findRun(id);
    }

    private void resetTimeout() {
        try {
            transaction.setTransactionTimeout(0);
        } catch (SystemException e) {
            // Only resets this thread's timeout to the container default; nothing to undo.
        }
    }
}
