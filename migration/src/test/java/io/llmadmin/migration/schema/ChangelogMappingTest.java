package io.llmadmin.migration.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.domain.gateway.GatewayKey;
import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.EntityType;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Applies the changelogs to an empty database and reads every mapped entity back through EclipseLink, so an entity
 * that drifts from the changelog (a renamed column, a wrong type) fails the build on both databases we support.
 */
class ChangelogMappingTest {

    @Test
    void should_create_a_schema_every_entity_maps_onto_when_applied_to_an_empty_h2() {
        DataSource h2 = TestDatabases.freshH2();

        new SchemaMigrator(h2).migrate();

        assertEveryEntityReadsAndWritesBack(h2);
    }

    @Test
    void should_create_a_schema_every_entity_maps_onto_when_applied_to_an_empty_postgresql() throws Exception {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        try {
            new SchemaMigrator(postgres.dataSource()).migrate();

            assertEveryEntityReadsAndWritesBack(postgres.dataSource());
        } finally {
            TestDatabases.drop(postgres);
        }
    }

    @Test
    void should_seed_the_seven_frontend_models_exactly_once_when_migrated_twice() throws Exception {
        DataSource h2 = TestDatabases.freshH2();

        new SchemaMigrator(h2).migrate();
        new SchemaMigrator(h2).migrate();

        assertThat(countModels(h2, "CHAT")).isEqualTo(3);
        assertThat(countModels(h2, "IMAGE")).isEqualTo(4);
    }

    @Test
    void should_seed_the_catalog_exactly_once_on_postgresql_when_migrated_twice() throws Exception {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        try {
            new SchemaMigrator(postgres.dataSource()).migrate();
            new SchemaMigrator(postgres.dataSource()).migrate();

            assertThat(countModels(postgres.dataSource(), "CHAT")).isEqualTo(3);
            assertThat(countModels(postgres.dataSource(), "IMAGE")).isEqualTo(4);
        } finally {
            TestDatabases.drop(postgres);
        }
    }

    private static int countModels(DataSource dataSource, String type) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM model_configuration WHERE model_type = '" + type + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void assertEveryEntityReadsAndWritesBack(DataSource dataSource) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "llmadmin",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.validation.mode", "NONE",
                        "jakarta.persistence.nonJtaDataSource", dataSource));
        try {
            EntityManager entityManager = factory.createEntityManager();
            for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
                List<?> rows = entityManager
                        .createQuery("SELECT e FROM " + entity.getName() + " e", entity.getJavaType())
                        .getResultList();
                assertThat(rows).as("rows of %s", entity.getName()).isNotNull();
            }

            ModelConfiguration written = new ModelConfiguration(
                    "gpt-4o-mini", ModelType.CHAT, "openai", "gpt-4o-mini", "GPT-4o mini \u00e9\u00e8");
            written.describe("OpenAI", "Small and fast", 5);
            written.contextLength(128_000);
            written.limitPerMinute(60, 100_000, 20_000);
            written.routeTo("http://127.0.0.1:1/v1", "{\"temperature\":0}", true);
            written.fallBackTo(List.of("gemini-1.5-flash", "gemini-1.5-pro"));
            written.declareCapabilities(new ModelCapabilities(true, true, true, true, false));
            written.specify(128_000, new ParameterRanges(0.0, 1.5, 0.1, 1.0, 16_384));
            GatewayKey.Issued issued = GatewayKey.issue("mapping-test", new SecureRandom());
            issued.key().allowModels(List.of("gpt-4o-mini"));
            java.time.OffsetDateTime expiry = java.time.OffsetDateTime.parse("2999-01-02T03:04:05Z");
            issued.key().expireAt(expiry);
            entityManager.getTransaction().begin();
            entityManager.persist(written);
            entityManager.persist(new AuditEvent("tester", "CREATE", "ModelConfiguration", "gpt-4o-mini", null, "{}"));
            entityManager.persist(
                    new ConsoleUser("tester", "PBKDF2WithHmacSHA256:1000:c2FsdA==:aGFzaA==", ConsoleRole.VIEWER));
            entityManager.persist(issued.key());
            entityManager.getTransaction().commit();
            entityManager.clear();

            ModelConfiguration read = entityManager
                    .createQuery("SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id", ModelConfiguration.class)
                    .setParameter("id", "gpt-4o-mini")
                    .getSingleResult();
            assertThat(read.id()).isGreaterThanOrEqualTo(951L);
            assertThat(read.displayName()).isEqualTo("GPT-4o mini \u00e9\u00e8");
            assertThat(read.extraKwargsJson()).isEqualTo("{\"temperature\":0}");
            assertThat(read.limitOutputTokensPerMinute()).isEqualTo(20_000);
            assertThat(read.vision()).isTrue();
            assertThat(read.createdAt()).isNotNull();
            assertThat(read.version()).isEqualTo(1L);
            assertThat(read.fallbacks()).containsExactly("gemini-1.5-flash", "gemini-1.5-pro");
            assertThat(read.capabilities()).isEqualTo(new ModelCapabilities(true, true, true, true, false));
            assertThat(read.parameterRanges()).isEqualTo(new ParameterRanges(0.0, 1.5, 0.1, 1.0, 16_384));
            assertThat(entityManager
                            .createQuery("SELECT a FROM AuditEvent a", AuditEvent.class)
                            .getSingleResult()
                            .afterJson())
                    .isEqualTo("{}");
            assertThat(entityManager
                            .createQuery("SELECT u FROM ConsoleUser u", ConsoleUser.class)
                            .getSingleResult()
                            .role())
                    .isEqualTo(ConsoleRole.VIEWER);
            GatewayKey key = entityManager
                    .createQuery("SELECT k FROM GatewayKey k", GatewayKey.class)
                    .getSingleResult();
            assertThat(key.allows(issued.token(), "gpt-4o-mini")).isTrue();
            assertThat(key.allows(issued.token(), "gemini-1.5-pro")).isFalse();
            assertThat(key.expiresAt()).isEqualTo(expiry);
            assertThat(key.lastUsedAt()).isNull();

            List<ModelConfiguration> seeded = entityManager
                    .createQuery(
                            "SELECT m FROM ModelConfiguration m WHERE m.type = :type ORDER BY m.sortOrder",
                            ModelConfiguration.class)
                    .setParameter("type", ModelType.IMAGE)
                    .getResultList();
            assertThat(seeded)
                    .extracting(ModelConfiguration::catalogId)
                    .containsExactly("sdxl", "sdxl-lightning", "flux-schnell", "flux-pro");
            assertThat(seeded).extracting(ModelConfiguration::vendor).containsOnly("StabilityAI", "Flux");
            assertThat(seeded)
                    .allSatisfy(image ->
                            assertThat(image.capabilities().streaming()).isFalse());
            entityManager.close();
        } finally {
            factory.close();
        }
    }
}
