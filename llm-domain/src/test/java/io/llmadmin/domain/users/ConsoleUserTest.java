package io.llmadmin.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleUserTest {

    private static final String HASH = "PBKDF2WithHmacSHA256:210000:c2FsdHNhbHQ=:c2VjcmV0aGFzaA==";

    @Test
    void should_never_show_the_password_hash_in_to_string() {
        ConsoleUser user = new ConsoleUser("alice", HASH, ConsoleRole.VIEWER);

        assertThat(user.toString())
                .contains("alice")
                .contains("viewer")
                .doesNotContain("c2Vjcm")
                .doesNotContain("PBKDF2");
    }

    @Test
    void should_refuse_a_user_name_with_spaces_or_a_blank_hash() {
        assertThatThrownBy(() -> new ConsoleUser("al ice", HASH, ConsoleRole.ADMIN))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> new ConsoleUser("alice", " ", ConsoleRole.ADMIN))
                .hasMessageContaining("passwordHash");
    }

    @Test
    void should_parse_role_names_ignoring_case() {
        assertThat(ConsoleRole.fromName("Admin")).contains(ConsoleRole.ADMIN);
        assertThat(ConsoleRole.fromName("root")).isEmpty();
        assertThat(ConsoleRole.roleNames()).containsExactly("admin", "viewer");
    }

    @Test
    void should_be_admin_only_while_the_role_is_admin() {
        ConsoleUser user = new ConsoleUser("bob", HASH, ConsoleRole.ADMIN);

        user.changeRole(ConsoleRole.VIEWER);

        assertThat(user.isAdmin()).isFalse();
    }
}
