package io.llmadmin.services.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.audit.AuditQuery;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.testsupport.QueryDatabases;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry's list and the audit log's search, run as JPQL on the migrated schema of H2 and PostgreSQL. */
class RegistryQueriesTest {

    static Stream<Supplier<QueryDatabases.Database>> databases() {
        return Stream.of(QueryDatabases::h2, QueryDatabases::postgres);
    }

    private static void store(EntityManager entityManager, Object... entities) {
        entityManager.getTransaction().begin();
        for (Object entity : entities) {
            entityManager.persist(entity);
        }
        entityManager.getTransaction().commit();
        entityManager.clear();
    }

    private static ModelConfiguration model(String id, ModelType type, String provider, boolean active) {
        ModelConfiguration model = new ModelConfiguration(id, type, provider, id, "Name of " + id);
        model.describe(id.equals("q-alpha") ? "Vendor 50%_off" : "Vendor", "about " + id, 0);
        if (!active) {
            model.deactivate();
        }
        return model;
    }

    private static List<String> ids(Page<ModelView> page) {
        return page.items().stream().map(ModelView::catalogId).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_filter_sort_and_page_models_on_both_databases(Supplier<QueryDatabases.Database> database) {
        try (QueryDatabases.Database db = database.get()) {
            EntityManager entityManager = db.factory().createEntityManager();
            store(
                    entityManager,
                    model("q-alpha", ModelType.CHAT, "openai", true),
                    model("q-beta", ModelType.CHAT, "anthropic", false),
                    model("q-gamma", ModelType.EMBEDDING, "openai", false));
            JpaModelRegistry registry = new JpaModelRegistry(entityManager, null, null);

            Page<ModelView> inactive = registry.list(new ModelQuery(null, null, false, "q-", "id", false, 0, 10));
            Page<ModelView> activeChat =
                    registry.list(new ModelQuery(ModelType.CHAT, null, true, "Q-", null, false, 0, 10));
            Page<ModelView> openAiByNameDesc =
                    registry.list(new ModelQuery(null, "openai", null, "q-", "displayName", true, 0, 1));
            Page<ModelView> wildcardsAreText =
                    registry.list(new ModelQuery(null, null, null, "50%_", null, false, 0, 10));
            Page<ModelView> percentAlone = registry.list(new ModelQuery(null, null, null, "%", null, false, 0, 10));
            Page<ModelView> underscoreIsText =
                    registry.list(new ModelQuery(null, null, null, "r_", null, false, 0, 10));

            assertThat(ids(inactive)).containsExactly("q-beta", "q-gamma");
            assertThat(ids(activeChat)).containsExactly("q-alpha");
            assertThat(ids(openAiByNameDesc)).containsExactly("q-gamma");
            assertThat(openAiByNameDesc.totalItems()).isEqualTo(2);
            assertThat(openAiByNameDesc.totalPages()).isEqualTo(2);
            assertThat(ids(wildcardsAreText)).containsExactly("q-alpha");
            assertThat(ids(percentAlone)).containsExactly("q-alpha");
            assertThat(underscoreIsText.totalItems()).isZero();
            assertThat(registry.find("q-beta"))
                    .hasValueSatisfying(found -> assertThat(found.active()).isFalse());
            assertThat(registry.find("nope")).isEmpty();
            entityManager.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void should_search_audit_events_by_entity_actor_action_and_time(Supplier<QueryDatabases.Database> database) {
        try (QueryDatabases.Database db = database.get()) {
            EntityManager entityManager = db.factory().createEntityManager();
            store(
                    entityManager,
                    new AuditEvent("alice", "CREATE", "ModelConfiguration", "m1", null, "{}"),
                    new AuditEvent("bob", "UPDATE", "ModelConfiguration", "m1", "{}", "{}"),
                    new AuditEvent("alice", "DELETE", "ConsoleUser", "carol", "{}", null));
            JpaAuditLog audit = new JpaAuditLog(entityManager);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

            Page<AuditEvent> m1 = audit.search(new AuditQuery(null, "m1", null, null, null, null, 0, 10));
            Page<AuditEvent> alicesDeletes =
                    audit.search(new AuditQuery(null, null, "alice", "DELETE", null, null, 0, 10));
            Page<AuditEvent> recent =
                    audit.search(new AuditQuery(null, null, null, null, now.minusMinutes(5), now.plusMinutes(5), 0, 2));
            Page<AuditEvent> tomorrow =
                    audit.search(new AuditQuery(null, null, null, null, now.plusDays(1), null, 0, 10));

            assertThat(m1.items()).extracting(AuditEvent::action).containsExactly("UPDATE", "CREATE");
            assertThat(alicesDeletes.items()).extracting(AuditEvent::entityId).containsExactly("carol");
            assertThat(recent.totalItems()).isEqualTo(3);
            assertThat(recent.items()).hasSize(2);
            assertThat(tomorrow.totalItems()).isZero();
            entityManager.close();
        }
    }
}
