package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/** The users page (admins): create a user, change the role, set a password, delete; refusals shown at the field. */
class ConsoleUsersIT extends ConsoleTest {

    private static final String NEW_PASSWORD = "a-new-password-for-it";

    private Locator row(String username) {
        return page.locator("[id='usersForm:users_data'] > tr[class~='user-" + username + "']");
    }

    @Test
    void should_create_promote_reset_the_password_of_and_delete_a_user() {
        String user = UsersApi.unique("it-console-user");
        try {
            signInAndOpen("/console/admin/users.xhtml", "admin", ADMIN_PASSWORD);
            assertThat(page.locator("[id='menuUsers']")).hasAttribute("aria-current", "page");

            byId("newUserForm:username").fill(user);
            byId("newUserForm:password").fill("short");
            byId("newUserForm:create").click();
            assertThat(byId("newUserForm:passwordMessage")).containsText("12");
            assertThat(row(user)).hasCount(0);

            byId("newUserForm:username").fill(user);
            byId("newUserForm:password").fill(UsersApi.VIEWER_PASSWORD);
            byId("newUserForm:create").click();
            assertThat(row(user).locator(".role-tag")).hasText("viewer");
            assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(user, UsersApi.VIEWER_PASSWORD), null)
                            .statusCode())
                    .isEqualTo(200);

            row(user).locator("button[id$=':makeAdmin']").click();
            assertThat(row(user).locator(".role-tag")).hasText("admin");

            row(user).locator("button[id$=':resetPassword']").click();
            assertThat(byId("resetUser")).hasText(user);
            byId("resetForm:resetPassword").fill(NEW_PASSWORD);
            byId("resetForm:save").click();
            assertThat(byId("resetForm:resetPassword")).isHidden();
            assertThat(byId("usersForm:messages")).containsText("Set a new password for " + user);
            assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(user, NEW_PASSWORD), null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(user, UsersApi.VIEWER_PASSWORD), null)
                            .statusCode())
                    .isEqualTo(401);

            row(user).locator("button[id$=':delete']").click();
            byId("usersForm:confirmYes").click();
            assertThat(row(user)).hasCount(0);
            assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(user, NEW_PASSWORD), null)
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            UsersApi.delete(user);
        }
    }

    @Test
    void should_refuse_a_taken_user_name_at_the_field() {
        String user = UsersApi.unique("it-console-taken");
        UsersApi.createViewer(user);
        try {
            signInAndOpen("/console/admin/users.xhtml", "admin", ADMIN_PASSWORD);

            byId("newUserForm:username").fill(user);
            byId("newUserForm:password").fill(NEW_PASSWORD);
            byId("newUserForm:create").click();

            assertThat(byId("newUserForm:usernameMessage")).containsText("already exists");
            assertThat(row(user)).hasCount(1);
        } finally {
            UsersApi.delete(user);
        }
    }

    @Test
    void should_not_show_a_viewer_the_users_menu_entry() {
        String viewer = UsersApi.unique("it-users-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            assertThat(byId("menuUsers")).hasCount(0);
            assertThat(byId("menuGatewayKeys")).isVisible();
        } finally {
            UsersApi.delete(viewer);
        }
    }
}
