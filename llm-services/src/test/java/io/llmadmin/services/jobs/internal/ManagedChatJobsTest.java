package io.llmadmin.services.jobs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.jobs.ChatJob;
import io.llmadmin.domain.jobs.JobStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.schema.SchemaMigrator;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.jobs.JobView;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.internal.ChatServices;
import io.llmadmin.services.testsupport.Eventually;
import io.llmadmin.services.transactions.TransactionRunner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs on the real schema (changelogs on H2), run on an executor, answered by a local OpenAI-speaking server. */
class ManagedChatJobsTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private EntityManagerFactory factory;
    private JdbcDataSource h2;

    @BeforeEach
    void start() {
        server.start();
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        new SchemaMigrator(h2).migrate();
        factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", h2));
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        factory.close();
        server.stop();
    }

    /** One instance of the application: its own entity manager per thread, as the container would give it. */
    private ManagedChatJobs jobs() {
        ThreadLocal<EntityManager> perThread = ThreadLocal.withInitial(factory::createEntityManager);
        EntityManager entityManager = (EntityManager) java.lang.reflect.Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(perThread.get(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ModelConfiguration model = new ModelConfiguration("gpt", ModelType.CHAT, "openai", "gpt-4o", "GPT");
        model.routeTo(server.baseUrl() + "/v1", null, false);
        return new ManagedChatJobs(
                entityManager,
                ChatServices.forTests(id -> id.equals("gpt") ? Optional.of(model) : Optional.empty()),
                new TransactionRunner() {
                    @Override
                    public <T> T inTransaction(Supplier<T> work) {
                        EntityManager current = perThread.get();
                        current.clear();
                        current.getTransaction().begin();
                        try {
                            T result = work.get();
                            current.getTransaction().commit();
                            return result;
                        } finally {
                            if (current.getTransaction().isActive()) {
                                current.getTransaction().rollback();
                            }
                        }
                    }
                },
                executor);
    }

    private static ChatCall hello(String model) {
        return ChatCall.builder(model)
                .message(ChatMessage.user("Say hello"))
                .temperature(0.5)
                .timeout(Duration.ofSeconds(60)) // only bounds a failure: the stub answers in 1 s
                .caller("batch")
                .build();
    }

    private static JobView awaitFinished(ManagedChatJobs jobs, String id) {
        return Eventually.value(
                "job " + id + " to finish",
                () -> jobs.get(id),
                view -> view.status().isFinished());
    }

    @Test
    void should_run_a_submitted_call_and_keep_its_answer() throws Exception {
        // given
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(1000)
                        .withBody("""
                                {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o",
                                 "choices":[{"index":0,"message":{"role":"assistant","content":"<think>easy</think>Hello!"},
                                   "finish_reason":"stop"}],
                                 "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""")));
        ManagedChatJobs jobs = jobs();

        // when
        String id = jobs.submit(hello("gpt"));

        // then: the id comes back at once, the job is not finished yet, then it succeeds
        assertThat(jobs.get(id).status()).isIn(JobStatus.PENDING, JobStatus.RUNNING);
        JobView done = awaitFinished(jobs, id);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.response()).isEqualTo("Hello!");
        assertThat(done.reasoning()).isEqualTo("easy");
        assertThat(done.usage()).contains(new TokenUsage(5, 2));
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    }

    @Test
    void should_keep_the_failure_when_the_call_fails() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key\"}}")));
        ManagedChatJobs jobs = jobs();

        JobView done = awaitFinished(jobs, jobs.submit(hello("gpt")));

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.errorKind()).isEqualTo("LlmAuthenticationException");
        assertThat(done.errorMessage()).contains("401");
        assertThat(done.response()).isNull();
    }

    @Test
    void should_fail_a_job_for_a_model_that_does_not_exist() throws Exception {
        ManagedChatJobs jobs = jobs();

        JobView done = awaitFinished(jobs, jobs.submit(hello("nope")));

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.errorKind()).isEqualTo("LlmNotFoundException");
    }

    @Test
    void should_mark_jobs_left_running_by_an_earlier_run_failed_before_serving() {
        // given: a job an earlier run of the application started and never finished
        EntityManager earlierRun = factory.createEntityManager();
        ChatJob stuck = new ChatJob("gpt", "batch", "{\"model\":\"gpt\"}");
        earlierRun.getTransaction().begin();
        earlierRun.persist(stuck);
        stuck.start();
        earlierRun.getTransaction().commit();
        earlierRun.close();

        // when: a new instance serves its first request
        JobView view = jobs().get(stuck.publicId());

        // then
        assertThat(view.status()).isEqualTo(JobStatus.FAILED);
        assertThat(view.errorKind()).isEqualTo(ManagedChatJobs.INTERRUPTED);
        assertThat(view.finishedAt()).isNotNull();
    }

    @Test
    void should_refuse_an_unknown_job_id() {
        assertThatThrownBy(() -> jobs().get("no-such-job"))
                .isInstanceOf(LlmNotFoundException.class)
                .hasMessageContaining("no-such-job");
    }

    @Test
    void should_restore_the_whole_call_from_the_stored_json() {
        ChatCall call = ChatCall.builder("gpt")
                .message(ChatMessage.system("Be brief."))
                .message(ChatMessage.user("What is this?", java.util.List.of("https://example.org/cat.png")))
                .tool(new io.llmadmin.services.llm.ToolSpec(
                        "lookup",
                        "finds things",
                        java.util.List.of(new io.llmadmin.services.llm.ToolSpec.Parameter(
                                "q", io.llmadmin.services.llm.ToolSpec.ParameterType.STRING, "query", true))))
                .temperature(0.7)
                .topP(0.9)
                .maxTokens(100)
                .jsonOutput(true)
                .timeout(Duration.ofSeconds(42))
                .caller("batch")
                .build();

        assertThat(ChatCallJson.read(ChatCallJson.write(call))).isEqualTo(call);
    }
}
