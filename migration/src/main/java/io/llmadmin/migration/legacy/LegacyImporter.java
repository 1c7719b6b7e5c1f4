package io.llmadmin.migration.legacy;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports the legacy Django application's model configurations into the catalog: the one entry point of the legacy
 * import. Each {@link #run} reads one {@link LegacySource} as a stream and, in one transaction, creates or updates one
 * {@code ModelConfiguration} per accepted row, matched on its catalog id, so that running it again changes nothing.
 * Rejected rows are listed with their reason; in strict mode any of them fails the whole run. Every run (dry ones too)
 * is recorded as an {@code ImportRun}.
 *
 * <p>Where it writes is an {@link ImportStore}: the command line opens one on the target database, the server injects
 * its own (JTA). One run at a time per importer.
 */
public final class LegacyImporter {

    private final ImportStore store;
    private final SecretSink secretSink;
    private final ImportHooks hooks;

    /**
     * An importer of the server: keys to the vault, and every model checked and audited by the host's {@code hooks},
     * in the run's transaction.
     */
    public LegacyImporter(ImportStore store, SecretSink secretSink, ImportHooks hooks) {
        this.store = Objects.requireNonNull(store, "store");
        this.secretSink = Objects.requireNonNull(secretSink, "secretSink");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /** An importer that hands API keys found in legacy data to {@code secretSink} (encrypted). */
    public LegacyImporter(ImportStore store, SecretSink secretSink) {
        this(store, secretSink, ImportHooks.NONE);
    }

    /**
     * An importer without a vault (the command line): a row that carries an API key is rejected, unless the run's
     * options say {@link ImportOptions#dropSecrets()}.
     */
    public LegacyImporter(ImportStore store) {
        this.store = Objects.requireNonNull(store, "store");
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
        return store.run(source, options, secretSink, hooks, progress);
    }
}
