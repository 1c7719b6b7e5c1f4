package io.llmadmin.migration.legacy;

import io.llmadmin.migration.legacy.internal.JpaImport;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports the legacy Django application's model configurations into the catalog: the one entry point of the legacy
 * import. Each {@link #run} reads one {@link LegacySource} as a stream and, in one transaction, creates or updates one
 * {@code ModelConfiguration} per accepted row, matched on its catalog id, so that running it again changes nothing.
 * Rejected rows are listed with their reason; in strict mode any of them fails the whole run. Every run (dry ones too)
 * is recorded as an {@code ImportRun}.
 *
 * <p>The caller owns the persistence context and the transactions: a resource-local entity manager of the {@code
 * llmadmin} unit with {@link ImportTransaction#resourceLocal} (command line, tests), or a JTA one with a {@code
 * UserTransaction} (admin-web). Not thread-safe: one run at a time per instance.
 */
public final class LegacyImporter {

    private final EntityManager entityManager;
    private final ImportTransaction transaction;
    private final SecretSink secretSink;
    private final ImportHooks hooks;

    /**
     * An importer that hands API keys found in legacy data to the vault.
     *
     * @param entityManager the {@code llmadmin} persistence unit
     * @param transaction the transaction boundaries for that entity manager
     * @param secretSink where keys go (encrypted)
     */
    public LegacyImporter(EntityManager entityManager, ImportTransaction transaction, SecretSink secretSink) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.secretSink = Objects.requireNonNull(secretSink, "secretSink");
        this.hooks = ImportHooks.NONE;
    }

    /**
     * An importer of the server: keys to the vault, and every model checked and audited by the host's {@code hooks},
     * in the run's transaction.
     */
    public LegacyImporter(
            EntityManager entityManager, ImportTransaction transaction, SecretSink secretSink, ImportHooks hooks) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.secretSink = Objects.requireNonNull(secretSink, "secretSink");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /**
     * An importer without a vault (the command line): a row that carries an API key is rejected, unless the run's
     * options say {@link ImportOptions#dropSecrets()}.
     */
    public LegacyImporter(EntityManager entityManager, ImportTransaction transaction) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.secretSink = null;
        this.hooks = ImportHooks.NONE;
    }

    /**
     * Runs one import.
     *
     * @return the report; its status says whether the rows were committed ({@code COMMITTED}), only planned ({@code
     *     DRY_RUN}), refused by strict mode ({@code REJECTED}) or lost to a failure ({@code FAILED}, with the reason);
     *     in every case but {@code COMMITTED} nothing of the catalog was written
     * @throws RuntimeException only when the run cannot even be recorded (no {@code import_run} table, no database)
     */
    public ImportReport run(LegacySource source, ImportOptions options) {
        return run(source, options, null);
    }

    /**
     * Runs one import and tells {@code progress} the outcome of every row, batch by batch, as the run goes (for a
     * progress display; in a real run the outcomes are final only once the report says {@code COMMITTED}).
     */
    public ImportReport run(LegacySource source, ImportOptions options, Consumer<RowOutcome> progress) {
        return new JpaImport(entityManager, transaction, secretSink, source, options, hooks, progress).run();
    }
}
