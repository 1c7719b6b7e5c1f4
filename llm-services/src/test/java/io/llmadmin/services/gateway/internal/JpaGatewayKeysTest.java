package io.llmadmin.services.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gateway keys on migrated H2 and PostgreSQL databases, with the real audit log. */
class JpaGatewayKeysTest {

    private Database database;
    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private JpaGatewayKeys keys;

    private void open(Kind kind) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
        entityManager = factory.createEntityManager();
        keys = new JpaGatewayKeys(entityManager, new JpaAuditLog(entityManager), new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        if (entityManager != null) {
            entityManager.close();
        }
        if (factory != null) {
            factory.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private <T> T inTransaction(Supplier<T> change) {
        return ResourceLocalTransactions.inTransaction(entityManager, change);
    }

    private List<AuditEvent> audit() {
        return ResourceLocalTransactions.auditEvents(entityManager);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_return_the_token_once_and_store_only_its_hash_when_a_key_is_issued(Kind kind) throws Exception {
        open(kind);

        IssuedGatewayKey issued = inTransaction(() -> keys.issue(
                "alice", "ci-bot", List.of("gpt-4o-mini", "gemini-1.5-flash"), new GatewayKeyLimits(60, 1000, 500)));

        assertThat(issued.token()).startsWith("llmk_").startsWith(issued.key().tokenStart());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.key().allowedModels()).containsExactly("gpt-4o-mini", "gemini-1.5-flash");
        assertThat(issued.key().limits()).isEqualTo(new GatewayKeyLimits(60, 1000, 500));
        assertThat(issued.key().createdAt()).isNotNull();
        List<String> cells = rawCells();
        assertThat(cells).isNotEmpty().noneSatisfy(cell -> assertThat(cell).contains(issued.token()));
        assertThat(keys.list()).singleElement().satisfies(view -> {
            assertThat(view.name()).isEqualTo("ci-bot");
            assertThat(view.toString()).doesNotContain(issued.token());
        });
        assertThat(audit()).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.action()).isEqualTo("CREATE");
            assertThat(event.afterJson())
                    .contains("ci-bot", "gpt-4o-mini", issued.key().tokenStart())
                    .doesNotContain(issued.token())
                    .doesNotContain(io.llmadmin.domain.gateway.GatewayKey.hash(issued.token()));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_authenticate_only_its_token_and_nothing_once_revoked(Kind kind) {
        open(kind);
        IssuedGatewayKey first = inTransaction(() -> keys.issue("admin", "first", List.of(), null));
        IssuedGatewayKey second = inTransaction(() -> keys.issue("admin", "second", List.of("m1"), null));

        assertThat(keys.authenticate(first.token())).map(GatewayKeyView::name).contains("first");
        assertThat(keys.authenticate(second.token())).map(GatewayKeyView::name).contains("second");
        assertThat(keys.authenticate(first.token() + "x")).isEmpty();
        assertThat(keys.authenticate(first.key().tokenStart())).isEmpty();
        assertThat(keys.authenticate("sk-not-ours")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("llmk_" + "a".repeat(300))).isEmpty();

        GatewayKeyView revoked =
                inTransaction(() -> keys.revoke("bob", first.key().id()));
        GatewayKeyView again =
                inTransaction(() -> keys.revoke("bob", first.key().id()));

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(again.revokedAt()).isCloseTo(revoked.revokedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(keys.authenticate(first.token())).isEmpty();
        assertThat(keys.authenticate(second.token())).isPresent();
        assertThat(keys.find(first.key().id()))
                .hasValueSatisfying(view -> assertThat(view.revoked()).isTrue());
        assertThat(audit()).extracting(AuditEvent::action).containsExactly("CREATE", "CREATE", "REVOKE");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_refuse_a_taken_name_bad_models_and_negative_limits_storing_nothing(Kind kind) {
        open(kind);
        inTransaction(() -> keys.issue("admin", "taken", List.of(), GatewayKeyLimits.UNLIMITED));

        assertThatThrownBy(() -> inTransaction(() -> keys.issue("admin", "taken", List.of(), null)))
                .isInstanceOf(ConflictingChangeException.class)
                .hasMessageContaining("taken");
        assertThatThrownBy(() -> inTransaction(
                        () -> keys.issue("admin", " ", List.of("ok", "a,b"), new GatewayKeyLimits(-1, 0, 0))))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("name", "allowedModels[1]", "limits.requestsPerMinute"));
        assertThatThrownBy(() -> inTransaction(() -> keys.revoke("admin", 999_999)))
                .isInstanceOf(UnknownEntityException.class);

        assertThat(keys.list()).extracting(GatewayKeyView::name).containsExactly("taken");
        assertThat(audit()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_allow_every_model_with_an_empty_list_and_only_the_listed_ones_otherwise(Kind kind) {
        open(kind);
        GatewayKeyView open = inTransaction(() -> keys.issue("admin", "open", List.of(), null))
                .key();
        GatewayKeyView narrow = inTransaction(() -> keys.issue("admin", "narrow", List.of("m1"), null))
                .key();

        assertThat(open.allowsModel("anything")).isTrue();
        assertThat(narrow.allowsModel("m1")).isTrue();
        assertThat(narrow.allowsModel("m2")).isFalse();
        assertThat(narrow.caller()).isEqualTo("gateway:narrow");
    }

    /** Every cell of the gateway_key table, as text. */
    private List<String> rawCells() throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT * FROM gateway_key")) {
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rows.getObject(i)));
                    }
                }
            }
        }
        return cells;
    }
}
