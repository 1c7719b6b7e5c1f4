package io.llmadmin.domain.ollama;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One pull of a model into an Ollama server, with the progress the server last reported. The worker that reads the
 * pull's stream writes its progress here every few hundred milliseconds; any instance reads it for any admin. A
 * cancellation is asked for here too ({@link #requestCancel()}), so an admin on another instance can stop it: the
 * worker sees the flag at its next progress write and closes the stream.
 */
@Entity
@Table(name = "ollama_pull_job")
public class OllamaPullJob {

    private static final int MAX_TEXT = 2000;

    @Id
    @SequenceGenerator(name = "ollama_pull_job_seq", sequenceName = "ollama_pull_job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ollama_pull_job_seq")
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 36)
    private String publicId;

    @Column(name = "endpoint", nullable = false, length = 500)
    private String endpoint;

    @Column(name = "model_name", nullable = false, length = 200)
    private String modelName;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PullStatus status;

    @Column(name = "status_text", length = MAX_TEXT)
    private String statusText;

    @Column(name = "completed_bytes", nullable = false)
    private long completedBytes;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(name = "expected_digest", length = 100)
    private String expectedDigest;

    @Column(name = "digest", length = 100)
    private String digest;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "error_kind", length = 50)
    private String errorKind;

    @Column(name = "error_message", length = MAX_TEXT)
    private String errorMessage;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** For JPA only. */
    protected OllamaPullJob() {}

    /**
     * A new pull, RUNNING from the start (it is handed to a worker in the same request).
     *
     * @param endpoint the Ollama server's base URL
     * @param modelName the model to pull, as Ollama names it ({@code llama3.2:3b})
     * @param requestedBy who asked for it
     * @param expectedDigest the manifest digest the model must have once pulled, or null for any
     */
    public OllamaPullJob(String endpoint, String modelName, String requestedBy, String expectedDigest) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > 500) {
            throw new IllegalArgumentException("endpoint must be 1-500 characters");
        }
        if (modelName == null || modelName.isBlank() || modelName.length() > 200) {
            throw new IllegalArgumentException("model must be 1-200 characters");
        }
        this.publicId = UUID.randomUUID().toString();
        this.endpoint = endpoint;
        this.modelName = modelName;
        this.requestedBy = requestedBy == null ? "unknown" : cut(requestedBy, 100);
        this.expectedDigest = expectedDigest == null || expectedDigest.isBlank() ? null : cut(expectedDigest, 100);
        this.status = PullStatus.RUNNING;
        this.statusText = "queued";
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /** The latest line of the pull's stream: its status text and the bytes of the layer it is on. */
    public void progress(String text, long completed, long total) {
        if (status.isFinished()) {
            return;
        }
        statusText = text == null ? null : cut(text, MAX_TEXT);
        completedBytes = Math.max(0, completed);
        totalBytes = Math.max(0, total);
        updatedAt = now();
    }

    /** Asks the worker to stop; it does at its next progress write. A finished pull ignores it. */
    public void requestCancel() {
        if (!status.isFinished()) {
            cancelRequested = true;
            updatedAt = now();
        }
    }

    public void succeed(String finalDigest) {
        finish(PullStatus.SUCCEEDED);
        digest = finalDigest == null ? null : cut(finalDigest, 100);
        statusText = "success";
        completedBytes = Math.max(completedBytes, totalBytes);
    }

    public void cancel() {
        finish(PullStatus.CANCELLED);
        statusText = "cancelled";
    }

    /** Ends the pull as failed, with what went wrong (a kind such as NOT_FOUND, and a message for people). */
    public void fail(String kind, String message) {
        finish(PullStatus.FAILED);
        errorKind = kind == null ? null : cut(kind, 50);
        errorMessage = message == null ? null : cut(message, MAX_TEXT);
    }

    /** Records the digest the server reported, even when it is the wrong one. */
    public void reportDigest(String reported) {
        digest = reported == null ? null : cut(reported, 100);
    }

    private void finish(PullStatus to) {
        if (status.isFinished()) {
            throw new IllegalStateException("pull " + publicId + " is already " + status);
        }
        status = to;
        finishedAt = now();
        updatedAt = finishedAt;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String endpoint() {
        return endpoint;
    }

    public String modelName() {
        return modelName;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public PullStatus status() {
        return status;
    }

    public String statusText() {
        return statusText;
    }

    public long completedBytes() {
        return completedBytes;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public String expectedDigest() {
        return expectedDigest;
    }

    public String digest() {
        return digest;
    }

    public boolean cancelRequested() {
        return cancelRequested;
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

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof OllamaPullJob that && publicId.equals(that.publicId);
    }

    @Override
    public int hashCode() {
        return publicId.hashCode();
    }

    @Override
    public String toString() {
        return "OllamaPullJob[" + publicId + ", " + modelName + ", " + status + "]";
    }
}
