package io.llmadmin.migration.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.chat.ChatSession;
import io.llmadmin.domain.chat.ChatSessionMessage;
import io.llmadmin.domain.chat.MessageRole;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A chat session with long messages is written and read back in order, on H2 and on PostgreSQL (changelog 030). */
class ChatSessionMappingTest {

    @Test
    void should_store_a_session_with_its_messages_in_order_on_h2() {
        DataSource h2 = TestDatabases.freshH2();
        new SchemaMigrator(h2).migrate();

        assertSessionRoundTrip(h2);
    }

    @Test
    void should_store_a_session_with_its_messages_in_order_on_postgresql() throws Exception {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        try {
            new SchemaMigrator(postgres.dataSource()).migrate();

            assertSessionRoundTrip(postgres.dataSource());
        } finally {
            TestDatabases.drop(postgres);
        }
    }

    private static void assertSessionRoundTrip(DataSource dataSource) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", dataSource));
        try {
            EntityManager entityManager = factory.createEntityManager();
            String longAnswer = "x".repeat(50_000) + " \u00e9";
            ChatSession session = new ChatSession("alice", "gpt-4o", "Trip \u00e8");
            session.append(MessageRole.SYSTEM, "Be brief.", null, null);
            session.append(MessageRole.USER, "Hi", null, null);
            session.append(MessageRole.ASSISTANT, longAnswer, "thinking...", null);
            session.append(MessageRole.TOOL, "42", null, "call_1");
            entityManager.getTransaction().begin();
            entityManager.persist(session);
            entityManager.getTransaction().commit();
            entityManager.clear();

            ChatSession read = entityManager
                    .createQuery("SELECT s FROM ChatSession s WHERE s.publicId = :id", ChatSession.class)
                    .setParameter("id", session.publicId())
                    .getSingleResult();
            assertThat(read.id()).isGreaterThanOrEqualTo(951L);
            assertThat(read.title()).isEqualTo("Trip \u00e8");
            assertThat(read.messages())
                    .extracting(ChatSessionMessage::role)
                    .containsExactly(MessageRole.SYSTEM, MessageRole.USER, MessageRole.ASSISTANT, MessageRole.TOOL);
            assertThat(read.messages().get(2).content()).isEqualTo(longAnswer);
            assertThat(read.messages().get(2).reasoning()).isEqualTo("thinking...");
            assertThat(read.messages().get(3).toolCallId()).isEqualTo("call_1");
            assertThat(read.createdAt()).isNotNull();

            entityManager.getTransaction().begin();
            entityManager.remove(read);
            entityManager.getTransaction().commit();
            assertThat(entityManager
                            .createQuery("SELECT COUNT(m) FROM ChatSessionMessage m", Long.class)
                            .getSingleResult())
                    .isZero();
            entityManager.close();
        } finally {
            factory.close();
        }
    }
}
