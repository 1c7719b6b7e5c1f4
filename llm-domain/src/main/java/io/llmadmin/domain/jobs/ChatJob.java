package io.llmadmin.domain.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A chat call submitted to run in the background. It moves PENDING → RUNNING → SUCCEEDED or FAILED, only forward;
 * clients poll it by {@link #publicId()}. The request is kept as JSON so the job can be run (or explained) later.
 */
@Entity
@Table(name = "chat_job")
public class ChatJob {

    private static final int MAX_ERROR = 2000;

    @Id
    @SequenceGenerator(name = "chat_job_seq", sequenceName = "chat_job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_job_seq")
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 36)
    private String publicId;

    @Column(name = "model_id", nullable = false, length = 100)
    private String modelId;

    @Column(name = "caller", length = 100)
    private String caller;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private JobStatus status;

    @Column(name = "request_json", nullable = false)
    private String requestJson;

    @Column(name = "response_text")
    private String responseText;

    @Column(name = "reasoning_text")
    private String reasoningText;

    @Column(name = "input_tokens")
    private Integer inputTokens;

    @Column(name = "output_tokens")
    private Integer outputTokens;

    @Column(name = "error_kind", length = 100)
    private String errorKind;

    @Column(name = "error_message", length = MAX_ERROR)
    private String errorMessage;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ChatJob() {}

    /**
     * A new, pending job.
     *
     * @param modelId the catalog id of the model to call
     * @param caller who submitted it, or null
     * @param requestJson the call, as JSON
     */
    public ChatJob(String modelId, String caller, String requestJson) {
        if (modelId == null || modelId.isBlank() || modelId.length() > 100) {
            throw new IllegalArgumentException("model must be 1-100 characters");
        }
        if (requestJson == null || requestJson.isBlank()) {
            throw new IllegalArgumentException("requestJson must not be blank");
        }
        this.publicId = UUID.randomUUID().toString();
        this.modelId = modelId;
        this.caller = caller == null || caller.length() <= 100 ? caller : caller.substring(0, 100);
        this.requestJson = requestJson;
        this.status = JobStatus.PENDING;
    }

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** PENDING → RUNNING. */
    public void start() {
        requireStatus(JobStatus.PENDING, "start");
        status = JobStatus.RUNNING;
        startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** RUNNING → SUCCEEDED with the answer. */
    public void succeed(String response, String reasoning, Integer inputTokens, Integer outputTokens) {
        requireStatus(JobStatus.RUNNING, "succeed");
        status = JobStatus.SUCCEEDED;
        responseText = response;
        reasoningText = reasoning == null || reasoning.isEmpty() ? null : reasoning;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** PENDING or RUNNING → FAILED, with what went wrong (never a secret). */
    public void fail(String kind, String message) {
        if (status.isFinished()) {
            throw new IllegalStateException("job " + publicId + " is already " + status);
        }
        status = JobStatus.FAILED;
        errorKind = kind;
        errorMessage = message == null || message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR);
        finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void requireStatus(JobStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " job " + publicId + ": it is " + status);
        }
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String modelId() {
        return modelId;
    }

    public String caller() {
        return caller;
    }

    public JobStatus status() {
        return status;
    }

    public String requestJson() {
        return requestJson;
    }

    public String responseText() {
        return responseText;
    }

    public String reasoningText() {
        return reasoningText;
    }

    public Integer inputTokens() {
        return inputTokens;
    }

    public Integer outputTokens() {
        return outputTokens;
    }

    public String errorKind() {
        return errorKind;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChatJob that && publicId.equals(that.publicId);
    }

    @Override
    public int hashCode() {
        return publicId.hashCode();
    }

    @Override
    public String toString() {
        return "ChatJob[" + publicId + ", " + modelId + ", " + status + "]";
    }
}
