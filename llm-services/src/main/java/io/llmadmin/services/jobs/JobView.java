package io.llmadmin.services.jobs;

import io.llmadmin.domain.jobs.JobStatus;
import io.llmadmin.services.llm.TokenUsage;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A job as clients poll it.
 *
 * @param id the job's public id (a UUID)
 * @param model the catalog id of the model called
 * @param status where it is
 * @param response the answer's text once SUCCEEDED, else null
 * @param reasoning the model's reasoning once SUCCEEDED, else null
 * @param usage the provider's token counts, when reported
 * @param errorKind once FAILED: the failure's kind ({@code LlmTimeoutException}, ...), else null
 * @param errorMessage once FAILED: what went wrong, else null
 * @param createdAt when it was submitted
 * @param startedAt when it started running, or null
 * @param finishedAt when it finished, or null
 */
public record JobView(
        String id,
        String model,
        JobStatus status,
        String response,
        String reasoning,
        Optional<TokenUsage> usage,
        String errorKind,
        String errorMessage,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
