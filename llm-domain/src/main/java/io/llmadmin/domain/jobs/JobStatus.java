package io.llmadmin.domain.jobs;

/** Where an asynchronous call is: waiting, running, or finished one way or the other. */
public enum JobStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
