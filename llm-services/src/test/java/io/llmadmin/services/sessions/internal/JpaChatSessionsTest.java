package io.llmadmin.services.sessions.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.schema.SchemaMigrator;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatRole;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.internal.ChatServices;
import io.llmadmin.services.sessions.SessionMessage;
import io.llmadmin.services.sessions.SessionView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions on the real schema (the changelogs applied to a fresh H2), answered by a local OpenAI-speaking server. */
class JpaChatSessionsTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private JpaChatSessions sessions;

    @BeforeEach
    void start() {
        server.start();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        new SchemaMigrator(h2).migrate();
        factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", h2));
        entityManager = factory.createEntityManager();
        ModelConfiguration model = new ModelConfiguration("gpt", ModelType.CHAT, "openai", "gpt-4o", "GPT");
        model.routeTo(server.baseUrl() + "/v1", null, false);
        ChatService chat = ChatServices.forTests(id -> id.equals("gpt") ? Optional.of(model) : Optional.empty());
        sessions = new JpaChatSessions(entityManager, chat, this::inTransaction);
    }

    private <T> T inTransaction(Supplier<T> work) {
        entityManager.getTransaction().begin();
        try {
            T result = work.get();
            entityManager.getTransaction().commit();
            return result;
        } finally {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
        }
    }

    @AfterEach
    void stop() {
        entityManager.close();
        factory.close();
        server.stop();
    }

    private void answer(String text) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o",
                                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                                 "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""".formatted(text))));
    }

    @Test
    void should_keep_the_whole_conversation_and_send_it_with_each_turn() {
        // given
        SessionView created = sessions.create("alice", "gpt", "Trip", "You are a travel agent.");
        answer("Paris is nice.");
        sessions.send(created.id(), "Where should I go?", "alice");
        answer("<think>spring is mild</think>In spring.");

        // when
        ChatResult second = sessions.send(created.id(), "When?", "alice");

        // then: the model saw the whole history
        assertThat(second.response()).isEqualTo("In spring.");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[2].content", equalTo("Paris is nice.")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("When?"))));
        // and: every turn is stored in order, read back through a fresh persistence context
        entityManager.clear();
        SessionView stored = sessions.get(created.id());
        assertThat(stored.messages())
                .extracting(SessionMessage::position, SessionMessage::role, SessionMessage::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, ChatRole.SYSTEM, "You are a travel agent."),
                        org.assertj.core.groups.Tuple.tuple(1, ChatRole.USER, "Where should I go?"),
                        org.assertj.core.groups.Tuple.tuple(2, ChatRole.ASSISTANT, "Paris is nice."),
                        org.assertj.core.groups.Tuple.tuple(3, ChatRole.USER, "When?"),
                        org.assertj.core.groups.Tuple.tuple(4, ChatRole.ASSISTANT, "In spring."));
        assertThat(stored.messages().get(4).reasoning()).isEqualTo("spring is mild");
    }

    @Test
    void should_store_nothing_when_the_model_call_fails() {
        SessionView created = sessions.create("alice", "gpt", null, null);
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}")));

        assertThatThrownBy(() -> sessions.send(created.id(), "Hello?", "alice"))
                .isInstanceOf(LlmUnavailableException.class);
        entityManager.clear();
        assertThat(sessions.get(created.id()).messages()).isEmpty();
    }

    @Test
    void should_refuse_an_unknown_role_and_a_tool_message_without_its_call() {
        SessionView created = sessions.create("alice", "gpt", null, null);

        assertThatThrownBy(() -> sessions.add(created.id(), "wizard", "abracadabra", null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("role"))
                .hasMessageContaining("user");
        assertThatThrownBy(() -> sessions.add(created.id(), "tool", "42", null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("toolCallId"));
        SessionMessage tool = sessions.add(created.id(), "TOOL", "42", "call_7");
        assertThat(tool.role()).isEqualTo(ChatRole.TOOL);
        assertThat(tool.toolCallId()).isEqualTo("call_7");
        entityManager.clear();
        assertThat(sessions.get(created.id()).messages()).hasSize(1);
    }

    @Test
    void should_clear_and_delete_sessions_and_list_them_by_owner() {
        SessionView first = sessions.create("alice", "gpt", "one", "Be brief.");
        SessionView second = sessions.create("alice", "gpt", "two", null);
        sessions.create("bob", "gpt", "other", null);

        sessions.clear(first.id());
        sessions.delete(second.id());

        entityManager.clear();
        assertThat(sessions.get(first.id()).messages()).isEmpty();
        assertThat(sessions.list("alice")).extracting(SessionView::title).containsExactly("one");
        assertThatThrownBy(() -> sessions.get(second.id()))
                .isInstanceOf(LlmNotFoundException.class)
                .hasMessageContaining(second.id());
    }

    @Test
    void should_refuse_a_session_without_owner_or_model() {
        assertThatThrownBy(() -> sessions.create(" ", "gpt", null, null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("owner"));
        assertThatThrownBy(() -> sessions.create("alice", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("model"));
    }
}
