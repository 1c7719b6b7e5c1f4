package io.llmadmin.migration.legacy;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.model.ModelConfiguration;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the host application adds to a run: its own validation of every model the run would store, and its audit
 * trail. The server plugs in the admin API's rules and audit log, so that an imported model is held to what an
 * admin's would be and every write is audited; the command line runs without ({@link #NONE}).
 *
 * <p>Every call happens inside the run's transaction, so the audit events commit or roll back with the rows.
 */
public interface ImportHooks {

    /** No extra validation, no audit (the command line, which writes to a database the server is not running on). */
    ImportHooks NONE = new ImportHooks() {};

    /**
     * Why a model may not be stored, one {@code "field: message"} each; empty when it may. Called for every row that
     * would create or change a model, dry runs included; a row with problems is rejected with them and changes
     * nothing.
     *
     * @param modelExists whether a catalog id is stored (rows of this run included)
     */
    default List<String> problems(ModelConfiguration model, Predicate<String> modelExists) {
        return List.of();
    }

    /** The model as the audit trail should show it before a change; null when nothing is audited. */
    default String snapshot(ModelConfiguration model) {
        return null;
    }

    /**
     * A real run created ({@code before} null) or changed a model. Not called for a dry run; the call is rolled back
     * with the run when it does not commit.
     */
    default void written(ModelConfiguration model, String before) {}

    /** A real run wrote everything and is about to commit: the one event for the run as a whole. */
    default void committing(Long runId, LegacySource source, ImportCounts counts) {}
}
