package io.llmadmin.services.users;

import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The console's users: who may sign in, with which role, and their passwords (stored only as PBKDF2 hashes). Every
 * change is audited without the password or its hash. Changes may throw {@link InvalidChangeException}, {@link
 * UnknownEntityException}, {@link StaleVersionException} or {@link ConflictingChangeException} (a taken name, or the
 * last admin removed or demoted); a refused change has changed nothing.
 */
public interface ConsoleUsers {

    /** The audit entity type of users. */
    String ENTITY_TYPE = "ConsoleUser";

    /** The user created at the first start. */
    String INITIAL_ADMIN = "admin";

    int MIN_PASSWORD_LENGTH = 12;
    int MAX_PASSWORD_LENGTH = 200;

    /** The user's role when the password is theirs; empty for an unknown user or a wrong password. */
    Optional<ConsoleRole> authenticate(String username, String password);

    List<ConsoleUser> list();

    Optional<ConsoleUser> find(String username);

    ConsoleUser create(String actor, String username, String password, ConsoleRole role);

    ConsoleUser changeRole(String actor, String username, ConsoleRole role, OptionalLong expectedVersion);

    /** An admin sets someone's password without knowing the old one. */
    void resetPassword(String actor, String username, String newPassword);

    /** A user changes their own password, proving the current one. */
    void changeOwnPassword(String username, String currentPassword, String newPassword);

    void delete(String actor, String username);

    /**
     * Creates the user {@value #INITIAL_ADMIN} when no user exists yet.
     *
     * @param configuredPassword the password from the environment, or empty to generate one
     * @return the generated password, when one was generated; empty when the password was configured or an admin
     *     already existed
     */
    Optional<String> ensureInitialAdmin(Optional<String> configuredPassword);
}
