package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** "Change my password" from the header, for every user: wrong input at the field; other sessions signed out. */
class ConsoleAccountIT extends ConsoleTest {

    private static final String NEW_PASSWORD = "my-own-new-password";

    @Test
    void should_change_my_password_keep_this_session_and_sign_my_other_sessions_out() {
        String viewer = UsersApi.unique("it-account");
        UsersApi.createViewer(viewer);
        BrowserContext other = ConsoleBrowser.browser().newContext();
        try {
            Page elsewhere = other.newPage();
            elsewhere.navigate(url("/console/index.xhtml"));
            elsewhere.locator("input[id='signInForm:username']").fill(viewer);
            elsewhere.locator("input[id='signInForm:password']").fill(UsersApi.VIEWER_PASSWORD);
            elsewhere.locator("[id='signInForm:signIn']").click();
            assertThat(elsewhere).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));

            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            byId("account:changePassword").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/account\\.xhtml$"));

            byId("passwordForm:currentPassword").fill("not-my-password-at-all");
            byId("passwordForm:newPassword").fill(NEW_PASSWORD);
            byId("passwordForm:repeatedPassword").fill(NEW_PASSWORD);
            byId("passwordForm:change").click();
            assertThat(byId("passwordForm:currentPasswordMessage")).containsText("is not the current password");

            byId("passwordForm:currentPassword").fill(UsersApi.VIEWER_PASSWORD);
            byId("passwordForm:newPassword").fill(NEW_PASSWORD);
            byId("passwordForm:repeatedPassword").fill(NEW_PASSWORD + "x");
            byId("passwordForm:change").click();
            assertThat(byId("passwordForm:repeatedPasswordMessage")).containsText("does not match");

            byId("passwordForm:currentPassword").fill(UsersApi.VIEWER_PASSWORD);
            byId("passwordForm:newPassword").fill(NEW_PASSWORD);
            byId("passwordForm:repeatedPassword").fill(NEW_PASSWORD);
            byId("passwordForm:change").click();

            assertThat(byId("passwordForm:messages")).containsText("Your password was changed");
            page.navigate(url("/console/models.xhtml"));
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml$"));
            assertThat(byId("account:user")).hasText(viewer);

            elsewhere.navigate(url("/console/models.xhtml"));
            assertThat(elsewhere).hasURL(Pattern.compile(".*/login\\.xhtml.*"));
            assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(viewer, NEW_PASSWORD), null)
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            other.close();
            UsersApi.delete(viewer);
        }
    }
}
