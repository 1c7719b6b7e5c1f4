package io.llmadmin.migration.legacy;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where imports are written and their runs recorded: the llm-admin database with its persistence context and its
 * transactions. Callers never see either; the implementations live in {@code internal} (resource-local JPA for the
 * command line, the container's JTA transactions in the server, where an instance is a CDI bean).
 */
public interface ImportStore {

    /**
     * Runs one import in this database.
     *
     * @param sink where keys found in the data go, or null when there is no vault (rows with keys are rejected)
     * @param hooks the host's checks and audit, in the run's transaction
     * @param progress told the outcome of every row as the run goes, or null
     */
    ImportReport run(
            LegacySource source,
            ImportOptions options,
            SecretSink sink,
            ImportHooks hooks,
            Consumer<RowOutcome> progress);

    /** The recorded runs, newest first, at most {@code limit} of them. */
    List<ImportRunView> recentRuns(int limit);

    /** One recorded run, with its report. */
    Optional<ImportRunView> findRun(long id);
}
