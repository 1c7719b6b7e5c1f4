package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signing in to the console and out again, in a real browser; and the API keeping to HTTP Basic. */
class ConsoleSignInIT extends ConsoleTest {

    private static final Pattern SIGN_IN_PAGE = Pattern.compile(".*/login\\.xhtml.*");

    @Test
    void should_send_an_anonymous_visitor_of_a_console_page_to_the_sign_in_page() {
        page.navigate(url("/console/migration.xhtml"));

        assertThat(page).hasURL(SIGN_IN_PAGE);
        assertThat(page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
        assertThat(page).hasTitle("Sign in - llm-admin");
    }

    @Test
    void should_name_each_empty_field() {
        page.navigate(url("/login.xhtml"));
        page.locator("[id='signInForm:signIn']").click();

        assertThat(byId("signInForm:usernameMessage")).containsText("Enter your user name.");
        assertThat(byId("signInForm:passwordMessage")).containsText("Enter your password.");
        assertThat(page).hasURL(SIGN_IN_PAGE);
    }

    @Test
    void should_refuse_a_wrong_password_and_an_unknown_user_with_the_same_message_and_stay() {
        page.navigate(url("/console/index.xhtml"));
        submitSignIn("admin", "not-the-admin-password");

        assertThat(byId("signInForm:failure")).hasText("Wrong user name or password.");
        assertThat(page).hasURL(SIGN_IN_PAGE);

        submitSignIn("no-such-user-anywhere", "not-the-admin-password");
        assertThat(byId("signInForm:failure")).hasText("Wrong user name or password.");
        assertThat(page).hasURL(SIGN_IN_PAGE);
        assertThat(page.content()).doesNotContain("not-the-admin-password");
    }

    @Test
    void should_give_the_session_a_new_id_when_signing_in() {
        page.navigate(url("/console/index.xhtml"));
        submitSignIn("admin", "not-the-admin-password");
        assertThat(byId("signInForm:failure")).hasText("Wrong user name or password.");
        List<String> before =
                context.cookies().stream().map(cookie -> cookie.value).toList();

        submitSignIn("admin", ADMIN_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));
        assertThat(context.cookies()).hasSize(1);
        assertThat(before).doesNotContain(context.cookies().get(0).value);
    }

    @Test
    void should_take_an_admin_to_the_page_first_asked_for_with_a_strict_http_only_session_cookie() {
        page.navigate(url("/console/migration.xhtml"));
        submitSignIn("admin", ADMIN_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/console/migration\\.xhtml$"));
        assertThat(byId("account:user")).hasText("admin");
        assertThat(byId("account:role")).hasText("admin");
        List<Cookie> cookies = context.cookies();
        assertThat(cookies).hasSize(1);
        assertThat(cookies.get(0).httpOnly).isTrue();
        assertThat(cookies.get(0).sameSite).isEqualTo(SameSiteAttribute.STRICT);
    }

    @Test
    void should_sign_out_and_send_the_next_console_visit_to_the_sign_in_page() {
        signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);

        byId("account:signOut").click();
        assertThat(page).hasURL(SIGN_IN_PAGE);
        page.navigate(url("/console/index.xhtml"));

        assertThat(page).hasURL(SIGN_IN_PAGE);
    }

    @Test
    void should_sign_out_a_deleted_user_at_once_and_apply_a_new_role_on_the_next_request() {
        String viewer = UsersApi.unique("it-console-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/migration.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            assertThat(byId("account:role")).hasText("viewer");
            assertThat(byId("scanForm")).hasCount(0);

            UsersApi.promoteToAdmin(viewer);
            page.reload();
            assertThat(byId("account:role")).hasText("admin");
            assertThat(byId("scanForm")).isVisible();

            UsersApi.delete(viewer);
            page.reload();
            assertThat(page).hasURL(SIGN_IN_PAGE);
        } finally {
            UsersApi.delete(viewer);
        }
    }

    @Test
    void should_show_a_viewer_an_html_403_on_an_admin_only_page() {
        String viewer = UsersApi.unique("it-console-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            com.microsoft.playwright.Response answer = page.navigate(url("/console/admin/users.xhtml"));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("h1")).hasText("Not allowed for your role");
        } finally {
            UsersApi.delete(viewer);
        }
    }

    @Test
    void should_keep_the_api_on_http_basic_without_a_session() {
        signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
        Cookie session = context.cookies().get(0);

        HttpResponse<String> withConsoleCookie =
                UsersApi.get("/api/admin/models", null, session.name + "=" + session.value);
        HttpResponse<String> withBasic =
                UsersApi.get("/api/admin/models", UsersApi.basic("admin", ADMIN_PASSWORD), null);

        assertThat(withConsoleCookie.statusCode())
                .as("the console's session does not sign in API calls")
                .isEqualTo(401);
        assertThat(withConsoleCookie.body()).contains("\"status\":401");
        assertThat(withBasic.statusCode()).isEqualTo(200);
        assertThat(withBasic.headers().allValues("Set-Cookie"))
                .as("the API never starts a session")
                .isEmpty();
    }
}
