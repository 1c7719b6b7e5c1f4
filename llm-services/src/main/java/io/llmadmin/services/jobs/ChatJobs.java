package io.llmadmin.services.jobs;

import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ChatCall;

/**
 * Chat calls run in the background. A job never stays RUNNING across a restart: jobs an earlier run of the
 * application left PENDING or RUNNING are marked FAILED ({@code errorKind} {@code Interrupted}) before this instance
 * serves its first job request.
 */
public interface ChatJobs {

    /** Stores the call as a PENDING job, schedules it, and returns the job's id at once. */
    String submit(ChatCall call);

    /**
     * The job's current state.
     *
     * @throws LlmNotFoundException when no job has this id
     */
    JobView get(String jobId);
}
