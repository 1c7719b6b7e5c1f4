package io.llmadmin.services.ollama.internal;

import io.llmadmin.domain.ollama.OllamaPullJob;
import io.llmadmin.domain.ollama.PullStatus;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.ollama.OllamaModels;
import io.llmadmin.services.ollama.PullJobView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pull jobs in the database, each change its own short transaction (the worker writes progress while no
 * transaction is held). A RUNNING pull whose worker has been silent for {@link #STALE_AFTER} is taken to be lost (its
 * instance stopped) and is shown FAILED: no instance can tell whether another's worker still runs, only whether it
 * still writes.
 */
@ApplicationScoped
@Transactional
public class PullJobStore {

    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final EntityManager entityManager;
    private final AuditLog auditLog;

    @Inject
    public PullJobStore(EntityManager entityManager, AuditLog auditLog) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected PullJobStore() {
        this(null, null);
    }

    public PullJobView create(String actor, String endpoint, String model, String expectedDigest) {
        OllamaPullJob job = new OllamaPullJob(endpoint, model, actor, expectedDigest);
        entityManager.persist(job);
        entityManager.flush();
        auditLog.record(actor, "PULL", OllamaModels.ENTITY_TYPE, endpoint + " " + model, null, auditJson(job));
        return view(job);
    }

    public Optional<PullJobView> find(String publicId) {
        return load(publicId).map(job -> view(expireIfStale(job)));
    }

    public List<PullJobView> recent(int limit) {
        return entityManager
                .createQuery("SELECT j FROM OllamaPullJob j ORDER BY j.createdAt DESC, j.id DESC", OllamaPullJob.class)
                .setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultList()
                .stream()
                .map(job -> view(expireIfStale(job)))
                .toList();
    }

    /** The pulls into this endpoint that are still running (not stale), for the free space they will take. */
    public List<PullJobView> running(String endpoint) {
        return entityManager
                .createQuery(
                        "SELECT j FROM OllamaPullJob j WHERE j.endpoint = :endpoint AND j.status = :running",
                        OllamaPullJob.class)
                .setParameter("endpoint", endpoint)
                .setParameter("running", PullStatus.RUNNING)
                .getResultList()
                .stream()
                .map(job -> view(expireIfStale(job)))
                .filter(job -> job.status() == PullStatus.RUNNING)
                .toList();
    }

    /**
     * Writes the latest progress.
     *
     * @return whether the pull should go on: false once someone asked to cancel it, or it ended meanwhile
     */
    public boolean progress(String publicId, String text, long completed, long total) {
        OllamaPullJob job = require(publicId);
        job.progress(text, completed, total);
        return !job.cancelRequested() && !job.status().isFinished();
    }

    public PullJobView requestCancel(String actor, String publicId) {
        OllamaPullJob job = require(publicId);
        if (job.status().isFinished()) {
            throw new ConflictingChangeException(
                    "The pull of " + job.modelName() + " has already ended (" + job.status() + ")");
        }
        job.requestCancel();
        auditLog.record(
                actor,
                "CANCEL_PULL",
                OllamaModels.ENTITY_TYPE,
                job.endpoint() + " " + job.modelName(),
                null,
                auditJson(job));
        return view(job);
    }

    public void succeed(String publicId, String digest) {
        finish(publicId, "PULL_SUCCEEDED", job -> job.succeed(digest));
    }

    public void fail(String publicId, String kind, String message, String reportedDigest) {
        finish(publicId, "PULL_FAILED", job -> {
            if (reportedDigest != null) {
                job.reportDigest(reportedDigest);
            }
            job.fail(kind, message);
        });
    }

    public void cancel(String publicId) {
        finish(publicId, "PULL_CANCELLED", OllamaPullJob::cancel);
    }

    private void finish(String publicId, String action, Consumer<OllamaPullJob> change) {
        OllamaPullJob job = require(publicId);
        if (job.status().isFinished()) {
            return;
        }
        change.accept(job);
        auditLog.record(
                job.requestedBy(),
                action,
                OllamaModels.ENTITY_TYPE,
                job.endpoint() + " " + job.modelName(),
                null,
                auditJson(job));
    }

    private OllamaPullJob expireIfStale(OllamaPullJob job) {
        if (job.status() == PullStatus.RUNNING
                && job.updatedAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER))) {
            job.fail(
                    "INTERRUPTED",
                    "no progress for " + STALE_AFTER.toMinutes()
                            + " minutes: the instance running the pull has probably stopped");
        }
        return job;
    }

    private OllamaPullJob require(String publicId) {
        return load(publicId).orElseThrow(() -> new UnknownEntityException("No pull '" + publicId + "'"));
    }

    private Optional<OllamaPullJob> load(String publicId) {
        if (publicId == null || publicId.isBlank()) {
            return Optional.empty();
        }
        return entityManager
                .createQuery("SELECT j FROM OllamaPullJob j WHERE j.publicId = :id", OllamaPullJob.class)
                .setParameter("id", publicId)
                .getResultStream()
                .findFirst();
    }

    private static String auditJson(OllamaPullJob job) {
        return "{\"job\":" + quote(job.publicId()) + ",\"endpoint\":" + quote(job.endpoint()) + ",\"model\":"
                + quote(job.modelName()) + ",\"status\":" + quote(job.status().name()) + ",\"digest\":"
                + quote(job.digest()) + ",\"error\":" + quote(job.errorMessage()) + "}";
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static PullJobView view(OllamaPullJob job) {
        return new PullJobView(
                job.publicId(),
                job.endpoint(),
                job.modelName(),
                job.requestedBy(),
                job.status(),
                job.statusText(),
                job.completedBytes(),
                job.totalBytes(),
                job.digest(),
                job.cancelRequested(),
                job.errorKind(),
                job.errorMessage(),
                job.createdAt(),
                job.updatedAt(),
                job.finishedAt());
    }
}
