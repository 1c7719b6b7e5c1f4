package io.llmadmin.services.users.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.testsupport.QueryDatabases;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console users on a migrated H2, with real PBKDF2 (few iterations) and the real audit log. */
class JpaConsoleUsersTest {

    private QueryDatabases.Database database;
    private EntityManager entityManager;
    private TestPasswordHash hash;
    private JpaConsoleUsers users;

    @BeforeEach
    void openDatabase() {
        database = QueryDatabases.h2();
        entityManager = database.factory().createEntityManager();
        hash = new TestPasswordHash();
        users = new JpaConsoleUsers(entityManager, new JpaAuditLog(entityManager), hash);
        users.configureHash();
    }

    @AfterEach
    void closeDatabase() {
        entityManager.close();
        database.close();
    }

    private <T> T inTransaction(Supplier<T> change) {
        return ResourceLocalTransactions.inTransaction(entityManager, change);
    }

    private List<AuditEvent> audit() {
        return ResourceLocalTransactions.auditEvents(entityManager);
    }

    @Test
    void should_create_the_first_admin_once_with_a_generated_password_when_none_is_configured() {
        Optional<String> generated = inTransaction(() -> users.ensureInitialAdmin(Optional.empty()));
        Optional<String> again = inTransaction(() -> users.ensureInitialAdmin(Optional.of("configured-later-1")));

        assertThat(generated)
                .hasValueSatisfying(password -> assertThat(password).hasSize(24));
        assertThat(again).isEmpty();
        assertThat(users.authenticate("admin", generated.get())).contains(ConsoleRole.ADMIN);
        assertThat(users.authenticate("admin", "configured-later-1")).isEmpty();
        assertThat(audit()).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("system");
            assertThat(event.afterJson()).doesNotContain(generated.get()).doesNotContain("PBKDF2");
        });
    }

    @Test
    void should_use_the_configured_password_and_report_nothing_to_log() {
        Optional<String> generated = inTransaction(() -> users.ensureInitialAdmin(Optional.of("configured-password")));

        assertThat(generated).isEmpty();
        assertThat(users.authenticate("admin", "configured-password")).contains(ConsoleRole.ADMIN);
    }

    @Test
    void should_refuse_to_demote_or_delete_the_last_admin() {
        inTransaction(() -> users.ensureInitialAdmin(Optional.of("configured-password")));

        assertThatThrownBy(() -> inTransaction(
                        () -> users.changeRole("admin", "admin", ConsoleRole.VIEWER, OptionalLong.empty())))
                .isInstanceOf(ConflictingChangeException.class)
                .hasMessageContaining("last admin");
        assertThatThrownBy(() -> inTransaction(() -> {
                    users.delete("admin", "admin");
                    return null;
                }))
                .isInstanceOf(ConflictingChangeException.class);

        inTransaction(() -> users.create("admin", "second", "second-admin-password", ConsoleRole.ADMIN));
        inTransaction(() -> users.changeRole("admin", "admin", ConsoleRole.VIEWER, OptionalLong.empty()));
        assertThat(users.find("admin"))
                .hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(ConsoleRole.VIEWER));
    }

    @Test
    void should_remember_a_verified_password_but_forget_it_when_the_password_changes() {
        inTransaction(() -> users.create("admin", "alice", "alice-password-1", ConsoleRole.VIEWER));

        assertThat(users.authenticate("alice", "alice-password-1")).contains(ConsoleRole.VIEWER);
        assertThat(users.authenticate("alice", "alice-password-1")).contains(ConsoleRole.VIEWER);
        assertThat(hash.verifications).hasValue(1);
        assertThat(users.authenticate("alice", "alice-password-x")).isEmpty();

        inTransaction(() -> {
            users.changeOwnPassword("alice", "alice-password-1", "alice-password-2");
            return null;
        });

        assertThat(users.authenticate("alice", "alice-password-1")).isEmpty();
        assertThat(users.authenticate("alice", "alice-password-2")).contains(ConsoleRole.VIEWER);
    }

    @Test
    void should_name_each_wrong_field_and_keep_passwords_out_of_messages_and_audit() {
        assertThatThrownBy(() -> inTransaction(() -> users.create("admin", "bad name", "short", null)))
                .isInstanceOfSatisfying(InvalidChangeException.class, invalid -> {
                    assertThat(invalid.fieldErrors())
                            .extracting(FieldError::field)
                            .containsExactly("username", "password", "role");
                    assertThat(invalid.getMessage()).doesNotContain("short");
                });
        inTransaction(() -> users.create("admin", "bob", "bob-password-12", ConsoleRole.VIEWER));
        inTransaction(() -> {
            users.resetPassword("admin", "bob", "bob-password-34");
            return null;
        });

        assertThat(audit()).extracting(AuditEvent::action).containsExactly("CREATE", "RESET_PASSWORD");
        assertThat(audit())
                .allSatisfy(event -> assertThat(event.beforeJson() + event.afterJson())
                        .doesNotContain("bob-password")
                        .doesNotContain("PBKDF2"));
    }
}
