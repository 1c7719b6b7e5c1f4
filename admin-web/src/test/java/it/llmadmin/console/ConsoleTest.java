package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import it.llmadmin.SecretScan;
import it.llmadmin.ServerUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every console IT shares: a fresh browser context and page per test on the one shared browser, signing in
 * through the real sign-in page, and a screenshot in {@code target/console-screenshots} when a test fails.
 */
@ExtendWith(ConsoleTest.ScreenshotOnFailure.class)
abstract class ConsoleTest {

    static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    static {
        // Playwright's assertions wait 5 s by default: a page's first postback (classes loading, a cold JIT) on two
        // cores shared with the build can take longer. They still fail fast on a wrong text once the page is there.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    BrowserContext context;
    Page page;

    /** The secrets found in the pages and partial answers the browser received ({@link #checkForSecrets}). */
    private final List<String> leaks = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void openBrowserContext() {
        context = ConsoleBrowser.browser().newContext();
        context.setDefaultTimeout(15_000);
        // On a finished request, not on a response: a response's body is read only once it has all arrived, so a
        // request the server never finishes cannot hold the test's thread (the handlers run on it) past the timeouts.
        context.onRequestFinished(this::checkForSecrets);
        // The first request of a freshly started server (pages compiled, classes loaded) on two cores shared with the
        // build took longer than 15 s; a navigation may take a minute, an element or an assertion still 15 s.
        context.setDefaultNavigationTimeout(60_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            try {
                context.close();
            } catch (PlaywrightException e) {
                // Closing races the driver disposing of the context's own page ("Object doesn't exist: page@...",
                // microsoft/playwright-java#1197): the context is gone either way. Anything else is a real failure.
                if (!String.valueOf(e.getMessage()).contains("Object doesn't exist")) {
                    throw e;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(leaks)
                .as("pages and partial answers carrying the ITs' secrets")
                .isEmpty();
    }

    /**
     * Every page, every AJAX answer and every stream the browser gets is checked for the ITs' secrets ({@link SecretScan}),
     * as every answer through {@link ServerUnderTest#send} is. Scripts, styles and images are the WAR's own files.
     */
    private void checkForSecrets(Request request) {
        String type = request.resourceType();
        if (!type.equals("document") && !type.equals("xhr") && !type.equals("fetch")) {
            return;
        }
        Response response = request.response();
        if (response == null || response.status() >= 300 && response.status() < 400) {
            return;
        }
        String text;
        try {
            text = response.headers() + "\n" + response.text();
        } catch (PlaywrightException e) {
            // The browser no longer holds the body (the page navigated on): nothing to read, nothing shown either.
            return;
        }
        try {
            SecretScan.checkAnswer(request.method() + " " + response.url(), text);
        } catch (AssertionError e) {
            leaks.add(e.getMessage());
        }
    }

    static String url(String path) {
        return ServerUnderTest.uri(path).toString();
    }

    /** Fills the sign-in page the browser is on and submits it. */
    void submitSignIn(String username, String password) {
        assertThat(page).hasURL(Pattern.compile(".*/login\\.xhtml.*"));
        page.locator("input[id='signInForm:username']").fill(username);
        page.locator("input[id='signInForm:password']").fill(password);
        page.locator("[id='signInForm:signIn']").click();
    }

    /** Opens a console page, signs in on the way as this user, and waits for the page. */
    void signInAndOpen(String path, String username, String password) {
        page.navigate(url(path));
        submitSignIn(username, password);
        // Playwright hands the pattern to JavaScript, which knows no \\Q...\\E quoting.
        assertThat(page).hasURL(Pattern.compile(".*" + path.replace(".", "\\.").replace("?", "\\?") + "$"));
    }

    /**
     * Picks an option of a PrimeFaces select menu by its label, as a person does: opens the menu, waits until its panel
     * has faded in (a click before that is lost on a loaded machine), clicks the option and waits until it has faded
     * out again.
     */
    void choose(String menuId, String label) {
        Locator panel = byId(menuId + "_panel");
        byId(menuId).click();
        assertThat(panel).isVisible();
        page.waitForFunction(
                "id => { const panel = document.getElementById(id);"
                        + " return panel && getComputedStyle(panel).opacity === '1'; }",
                menuId + "_panel");
        page.locator("[id='" + menuId + "_items'] li[data-label='" + label + "']")
                .click();
        assertThat(panel).isHidden();
    }

    Locator byId(String id) {
        return page.locator("[id='" + id + "']");
    }

    /** Saves a screenshot of a failed test's page, before the context is closed. */
    static final class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext extension) throws Exception {
            if (extension.getExecutionException().isEmpty()
                    || !(extension.getRequiredTestInstance() instanceof ConsoleTest test)
                    || test.page == null
                    || test.page.isClosed()) {
                return;
            }
            Path directory = Paths.get(System.getProperty("it.screenshot.dir", "target/console-screenshots"));
            Files.createDirectories(directory);
            test.page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(directory.resolve(extension.getRequiredTestClass().getSimpleName() + "-"
                            + extension.getRequiredTestMethod().getName() + ".png")));
        }
    }
}
