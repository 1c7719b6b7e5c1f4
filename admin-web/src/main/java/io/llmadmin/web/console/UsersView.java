package io.llmadmin.web.console;

import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.users.ConsoleUsers;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The users page ({@code /console/admin/users.xhtml}, admins only by web.xml and checked here again): who may sign in
 * to the console and the API, with which role. Admins create users, change roles, set passwords and delete users; the
 * last admin can be neither demoted nor deleted, and the page says so. Passwords are never kept in the view.
 */
@Named("users")
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ADMINS_ONLY = "Only admins may manage users.";

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    static final Map<String, String> NEW_USER_INPUTS = Map.of(
            "username", "newUserForm:username",
            "password", "newUserForm:password",
            "role", "newUserForm:role");

    private final ConsoleUsers users;
    private final SignedInUser signedIn;

    /** The list's text filter, sort and page, kept in the URL. */
    private final ListUrlState list = new ListUrlState(List.of("username", "role", "created"));

    private final ListedRows<UserRow> rows = new ListedRows<>(list);

    private String username;
    private String password;
    private String role = "viewer";

    private String resetParameter;
    private String resetUsername;
    private String resetPassword;

    @Inject
    public UsersView(ConsoleUsers users, SignedInUser signedIn) {
        this.users = users;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected UsersView() {
        this(null, null);
    }

    public List<UserRow> getRows() {
        ZoneId zone = ZoneId.systemDefault();
        return rows.shown(
                () -> users.list().stream().map(user -> UserRow.of(user, zone)).toList(),
                row -> row.getUsername() + " " + row.getRole());
    }

    public ListUrlState getList() {
        return list;
    }

    /** The text filter changed: the list is read again from the first page. */
    public void filtered() {
        rows.filtered();
    }

    public List<String> getRoles() {
        return ConsoleRole.roleNames();
    }

    public void create() {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        ConsoleRole chosen = ConsoleRole.fromName(role).orElse(null);
        if (chosen == null) {
            ConsoleMessages.fieldError("newUserForm:role", "must be one of " + String.join(", ", getRoles()));
            return;
        }
        try {
            ConsoleUser created = users.create(signedIn.getName(), username, password, chosen);
            ConsoleMessages.info("Created the " + created.role().roleName() + " " + created.username() + ".");
            username = null;
            role = "viewer";
            rows.readAgain();
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), NEW_USER_INPUTS);
        } catch (ConflictingChangeException e) {
            ConsoleMessages.fieldError("newUserForm:username", e.getMessage());
        } finally {
            password = null;
        }
    }

    public void changeRole(String user, String newRole, long version) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            ConsoleUser changed = users.changeRole(
                    signedIn.getName(), user, ConsoleRole.fromName(newRole).orElseThrow(), OptionalLong.of(version));
            ConsoleMessages.info(
                    changed.username() + " is now " + changed.role().roleName() + ".");
        } catch (StaleVersionException e) {
            ConsoleMessages.error(ConsoleMessages.changedSinceListed(user));
        } catch (ConflictingChangeException | UnknownEntityException | InvalidChangeException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows.readAgain();
    }

    /** The URL's {@code reset} parameter opens the password form for that user. */
    public String getResetParameter() {
        return null;
    }

    public void setResetParameter(String username) {
        this.resetParameter = username;
    }

    /** Opens the password form for the user the URL names, once per page view (not on the page's own requests). */
    public void openFromUrl() {
        if (resetParameter != null && !resetParameter.isBlank() && signedIn.isAdmin()) {
            startReset(resetParameter.strip());
        }
    }

    public void closeReset() {
        resetUsername = null;
        resetPassword = null;
    }

    /** Opens the password form for a user. */
    public void startReset(String user) {
        resetUsername = user;
        resetPassword = null;
    }

    public void reset() {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            users.resetPassword(signedIn.getName(), resetUsername, resetPassword);
            ConsoleMessages.info("Set a new password for " + resetUsername + "; their sessions are signed out.");
            resetUsername = null;
            rows.readAgain();
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), Map.of("password", "resetForm:resetPassword"));
        } catch (UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        } finally {
            resetPassword = null;
        }
    }

    public void delete(String user) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            users.delete(signedIn.getName(), user);
            ConsoleMessages.info("Deleted " + user + ".");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows.readAgain();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getResetUsername() {
        return resetUsername;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public int getMinimumLength() {
        return ConsoleUsers.MIN_PASSWORD_LENGTH;
    }

    /** One user as the table shows it: never the password's hash. */
    public static final class UserRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String username;
        private final String role;
        private final String created;
        private final String passwordChanged;
        private final long version;

        UserRow(String username, String role, String created, String passwordChanged, long version) {
            this.username = username;
            this.role = role;
            this.created = created;
            this.passwordChanged = passwordChanged;
            this.version = version;
        }

        static UserRow of(ConsoleUser user, ZoneId zone) {
            return new UserRow(
                    user.username(),
                    user.role().roleName(),
                    format(user.createdAt(), zone),
                    format(user.passwordChangedAt(), zone),
                    user.version());
        }

        private static String format(OffsetDateTime time, ZoneId zone) {
            return time == null ? "" : WHEN.format(time.atZoneSameInstant(zone));
        }

        public String getUsername() {
            return username;
        }

        public String getRole() {
            return role;
        }

        public boolean isAdmin() {
            return "admin".equals(role);
        }

        public String getCreated() {
            return created;
        }

        public String getPasswordChanged() {
            return passwordChanged;
        }

        public long getVersion() {
            return version;
        }
    }
}
