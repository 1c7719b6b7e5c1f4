package io.llmadmin.services.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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

    /** As the gateway does: in a transaction of its own (a use is noted). */
    private java.util.Optional<GatewayKeyView> authenticate(String token) {
        return inTransaction(() -> keys.authenticate(token));
    }

    private List<AuditEvent> audit() {
        return ResourceLocalTransactions.auditEvents(entityManager);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_return_the_token_once_and_store_only_its_hash_when_a_key_is_issued(Kind kind) throws Exception {
        open(kind);

        IssuedGatewayKey issued = inTransaction(() -> keys.issue(
                "alice", "ci-bot", List.of("gemini-1.5-pro", "gemini-1.5-flash"), new GatewayKeyLimits(60, 1000, 500)));

        assertThat(issued.token()).startsWith("llmk_").startsWith(issued.key().tokenStart());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.key().allowedModels()).containsExactly("gemini-1.5-pro", "gemini-1.5-flash");
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
                    .contains("ci-bot", "gemini-1.5-pro", issued.key().tokenStart())
                    .doesNotContain(issued.token())
                    .doesNotContain(io.llmadmin.domain.gateway.GatewayKey.hash(issued.token()));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_authenticate_only_its_token_and_nothing_once_revoked(Kind kind) {
        open(kind);
        IssuedGatewayKey first = inTransaction(() -> keys.issue("admin", "first", List.of(), null));
        IssuedGatewayKey second = inTransaction(() -> keys.issue("admin", "second", List.of("sdxl"), null));

        assertThat(authenticate(first.token())).map(GatewayKeyView::name).contains("first");
        assertThat(authenticate(second.token())).map(GatewayKeyView::name).contains("second");
        assertThat(authenticate(first.token() + "x")).isEmpty();
        assertThat(authenticate(first.key().tokenStart())).isEmpty();
        assertThat(authenticate("sk-not-ours")).isEmpty();
        assertThat(authenticate(null)).isEmpty();
        assertThat(authenticate("llmk_" + "a".repeat(300))).isEmpty();

        GatewayKeyView revoked =
                inTransaction(() -> keys.revoke("bob", first.key().id()));
        GatewayKeyView again =
                inTransaction(() -> keys.revoke("bob", first.key().id()));

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(again.revokedAt()).isCloseTo(revoked.revokedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(authenticate(first.token())).isEmpty();
        assertThat(authenticate(second.token())).isPresent();
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
        GatewayKeyView narrow = inTransaction(() -> keys.issue("admin", "narrow", List.of("sdxl"), null))
                .key();

        assertThat(open.allowsModel("anything")).isTrue();
        assertThat(narrow.allowsModel("sdxl")).isTrue();
        assertThat(narrow.allowsModel("flux-pro")).isFalse();
        assertThat(narrow.caller()).isEqualTo("gateway:narrow");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_name_every_unknown_model_and_store_nothing_when_a_key_lists_models_that_do_not_exist(Kind kind) {
        open(kind);

        assertThatThrownBy(() -> inTransaction(() ->
                        keys.issue("admin", "typo", List.of("gemini-1.5-pro", "gpt-4o-mnii", "sdxl", "nope"), null)))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("allowedModels");
                            assertThat(error.message()).isEqualTo("no such model: gpt-4o-mnii, nope");
                        }));
        assertThat(keys.list()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_change_models_limits_and_expiry_and_refuse_a_stale_version_or_a_revoked_key(Kind kind) {
        open(kind);
        IssuedGatewayKey issued = inTransaction(() -> keys.issue("admin", "app", List.of(), null));
        long id = issued.key().id();
        OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS);

        GatewayKeyView changed = inTransaction(() -> keys.change(
                "carol",
                id,
                List.of("sdxl"),
                new GatewayKeyLimits(5, 0, 0),
                expiry,
                OptionalLong.of(issued.key().version())));

        assertThat(changed.allowedModels()).containsExactly("sdxl");
        assertThat(changed.limits()).isEqualTo(new GatewayKeyLimits(5, 0, 0));
        assertThat(changed.expiresAt()).isEqualTo(expiry);
        assertThat(changed.status()).isEqualTo("active");
        assertThat(authenticate(issued.token())).isPresent();
        assertThatThrownBy(() -> inTransaction(() -> keys.change(
                        "carol",
                        id,
                        List.of(),
                        null,
                        null,
                        OptionalLong.of(issued.key().version()))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> inTransaction(
                        () -> keys.change("carol", id, List.of(), null, expiry.minusDays(60), OptionalLong.empty())))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("expiresAt"));
        inTransaction(() -> keys.revoke("carol", id));
        assertThatThrownBy(() ->
                        inTransaction(() -> keys.change("carol", id, List.of(), null, null, OptionalLong.empty())))
                .isInstanceOf(ConflictingChangeException.class);
        assertThat(audit()).extracting(AuditEvent::action).containsExactly("CREATE", "UPDATE", "REVOKE");
        assertThat(audit().get(1).afterJson()).contains("sdxl").doesNotContain(issued.token());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_stop_authenticating_a_key_once_it_has_expired(Kind kind) {
        open(kind);
        IssuedGatewayKey issued = inTransaction(() -> keys.issue(
                "admin",
                "short-lived",
                List.of(),
                null,
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
        assertThat(authenticate(issued.token())).isPresent();

        // An expiry that has passed, set behind the service's back (the service refuses a past one).
        inTransaction(() -> entityManager
                .createQuery("UPDATE GatewayKey k SET k.expiresAt = :past WHERE k.id = :id")
                .setParameter("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .setParameter("id", issued.key().id())
                .executeUpdate());
        entityManager.clear();

        assertThat(authenticate(issued.token())).isEmpty();
        assertThat(keys.find(issued.key().id())).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo("expired");
            assertThat(view.allowsModel("sdxl")).isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_note_when_a_key_was_last_used(Kind kind) {
        open(kind);
        IssuedGatewayKey issued = inTransaction(() -> keys.issue("admin", "used", List.of(), null));
        assertThat(issued.key().lastUsedAt()).isNull();

        authenticate(issued.token());
        entityManager.clear();

        assertThat(keys.find(issued.key().id()))
                .hasValueSatisfying(view -> assertThat(view.lastUsedAt())
                        .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(1, ChronoUnit.MINUTES)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_regenerate_a_token_so_that_only_the_new_one_works(Kind kind) {
        open(kind);
        IssuedGatewayKey issued = inTransaction(() -> keys.issue("admin", "rotating", List.of(), null));

        IssuedGatewayKey regenerated =
                inTransaction(() -> keys.regenerate("dave", issued.key().id()));

        assertThat(regenerated.token()).startsWith("llmk_").isNotEqualTo(issued.token());
        assertThat(regenerated.key().tokenStart()).isNotEqualTo(issued.key().tokenStart());
        assertThat(authenticate(issued.token())).isEmpty();
        assertThat(authenticate(regenerated.token())).map(GatewayKeyView::name).contains("rotating");
        assertThat(audit()).extracting(AuditEvent::action).containsExactly("CREATE", "REGENERATE");
        assertThat(audit().get(1).afterJson()).doesNotContain(regenerated.token());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_delete_only_a_revoked_key(Kind kind) {
        open(kind);
        IssuedGatewayKey issued = inTransaction(() -> keys.issue("admin", "doomed", List.of(), null));
        long id = issued.key().id();

        assertThatThrownBy(() -> inTransaction(() -> {
                    keys.delete("erin", id);
                    return null;
                }))
                .isInstanceOf(ConflictingChangeException.class)
                .hasMessageContaining("revoke it");
        inTransaction(() -> keys.revoke("erin", id));
        inTransaction(() -> {
            keys.delete("erin", id);
            return null;
        });

        assertThat(keys.find(id)).isEmpty();
        assertThat(audit()).extracting(AuditEvent::action).containsExactly("CREATE", "REVOKE", "DELETE");
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
