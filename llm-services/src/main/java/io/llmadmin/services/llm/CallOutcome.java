package io.llmadmin.services.llm;

/** How one upstream attempt ended. */
public enum CallOutcome {
    SUCCEEDED,
    FAILED,
    /** The caller went away (a cancelled stream). */
    CANCELLED
}
