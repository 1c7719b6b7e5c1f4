package io.llmadmin.services.jobs.internal;

import io.llmadmin.domain.jobs.ChatJob;
import io.llmadmin.domain.jobs.JobStatus;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.jobs.ChatJobs;
import io.llmadmin.services.jobs.JobView;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.routing.RoutedChat;
import io.llmadmin.services.transactions.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jobs in the database, run on the managed executor. Each state change is its own short transaction; the model call
 * runs outside any transaction. Before the first request this instance serves, jobs an earlier run left unfinished
 * become FAILED (done lazily rather than at deployment, so the schema migration has certainly run).
 */
@ApplicationScoped
public class ManagedChatJobs implements ChatJobs {

    private static final Logger LOG = Logger.getLogger(ManagedChatJobs.class.getName());
    static final String INTERRUPTED = "Interrupted";

    private final EntityManager entityManager;
    private final RoutedChat chatService;
    private final TransactionRunner transactions;
    private final Executor executor;
    private final AtomicBoolean recovered = new AtomicBoolean();

    /** @param chatService resolves a job's model that is a route, and answers from the response cache */
    @Inject
    public ManagedChatJobs(
            EntityManager entityManager,
            RoutedChat chatService,
            TransactionRunner transactions,
            @ContainerExecutor Executor executor) {
        this.entityManager = entityManager;
        this.chatService = chatService;
        this.transactions = transactions;
        this.executor = executor;
    }

    /** Straight to the chat service (no route, no cache). */
    ManagedChatJobs(
            EntityManager entityManager, ChatService chatService, TransactionRunner transactions, Executor executor) {
        this(entityManager, RoutedChat.direct(chatService), transactions, executor);
    }

    /** For the CDI proxy only. */
    protected ManagedChatJobs() {
        this(null, (RoutedChat) null, null, null);
    }

    @Override
    public String submit(ChatCall call) {
        recoverOnce();
        String requestJson = ChatCallJson.write(call);
        String id = transactions.inTransaction(() -> {
            ChatJob job = new ChatJob(call.model(), call.caller(), requestJson);
            entityManager.persist(job);
            entityManager.flush();
            return job.publicId();
        });
        executor.execute(() -> run(id));
        return id;
    }

    @Override
    public JobView get(String jobId) {
        recoverOnce();
        return transactions.inTransaction(() -> view(load(jobId)));
    }

    /** Runs one job: PENDING → RUNNING, call, SUCCEEDED or FAILED. */
    void run(String jobId) {
        ChatCall call;
        try {
            call = transactions.inTransaction(() -> {
                ChatJob job = load(jobId);
                if (job.status() != JobStatus.PENDING) {
                    return null;
                }
                job.start();
                return ChatCallJson.read(job.requestJson());
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job " + jobId + " could not be started", e);
            finish(
                    jobId,
                    job -> job.fail(
                            "Unexpected",
                            "the job could not be started: " + e.getClass().getSimpleName()));
            return;
        }
        if (call == null) {
            return;
        }
        try {
            ChatResult result = chatService.chat(call);
            finish(
                    jobId,
                    job -> job.succeed(
                            result.response(),
                            result.reasoning(),
                            result.usage().map(TokenUsage::inputTokens).orElse(null),
                            result.usage().map(TokenUsage::outputTokens).orElse(null)));
        } catch (LlmException e) {
            finish(jobId, job -> job.fail(e.getClass().getSimpleName(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job " + jobId + " failed unexpectedly", e);
            finish(jobId, job -> job.fail("Unexpected", e.getClass().getSimpleName()));
        }
    }

    private void finish(String jobId, java.util.function.Consumer<ChatJob> change) {
        try {
            transactions.inTransaction(() -> {
                change.accept(load(jobId));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Job " + jobId + " could not be finished", e);
        }
    }

    /** Marks every job left PENDING or RUNNING by an earlier run FAILED; once per instance. */
    void recoverOnce() {
        if (!recovered.compareAndSet(false, true)) {
            return;
        }
        int failed = transactions.inTransaction(() -> {
            var stale = entityManager
                    .createQuery("SELECT j FROM ChatJob j WHERE j.status IN :open", ChatJob.class)
                    .setParameter("open", java.util.List.of(JobStatus.PENDING, JobStatus.RUNNING))
                    .getResultList();
            stale.forEach(job -> job.fail(INTERRUPTED, "the application stopped before the job finished"));
            return stale.size();
        });
        if (failed > 0) {
            LOG.warning(failed + " job(s) left unfinished by an earlier run were marked FAILED");
        }
    }

    private ChatJob load(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new InvalidLlmRequestException("jobId", "jobId must not be blank");
        }
        return entityManager
                .createQuery("SELECT j FROM ChatJob j WHERE j.publicId = :id", ChatJob.class)
                .setParameter("id", jobId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new LlmNotFoundException("No job '" + jobId + "'", null));
    }

    private static JobView view(ChatJob job) {
        Optional<TokenUsage> usage = job.inputTokens() == null || job.outputTokens() == null
                ? Optional.empty()
                : Optional.of(new TokenUsage(job.inputTokens(), job.outputTokens()));
        return new JobView(
                job.publicId(),
                job.modelId(),
                job.status(),
                job.responseText(),
                job.reasoningText(),
                usage,
                job.errorKind(),
                job.errorMessage(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }
}
