package io.llmadmin.domain.ollama;

/** Where a pull is: RUNNING until it ends one of the other three ways, only forward. */
public enum PullStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
