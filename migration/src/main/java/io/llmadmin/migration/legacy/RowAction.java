package io.llmadmin.migration.legacy;

/** What an import does (or, in a dry run, would do) with one row. */
public enum RowAction {
    /** A new catalog entry. */
    CREATE,
    /** An existing entry changes; the outcome names the changed fields. */
    UPDATE,
    /** The entry matches the row already. */
    UNCHANGED,
    /** The row is refused; the outcome says why. */
    REJECTED
}
