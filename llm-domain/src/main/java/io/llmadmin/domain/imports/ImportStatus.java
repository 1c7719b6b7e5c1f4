package io.llmadmin.domain.imports;

/** How an import run ended. */
public enum ImportStatus {
    /** Still reading or writing (or the process died before it could say how it ended). */
    RUNNING,
    /** Every accepted row was committed; rejected rows, if any, are listed in the report. */
    COMMITTED,
    /** A dry run: the plan was made and everything it would have written was rolled back. */
    DRY_RUN,
    /** A strict run that met a rejected row: nothing was written. */
    REJECTED,
    /** The run broke off (unreadable input, a database error): nothing was written. */
    FAILED
}
