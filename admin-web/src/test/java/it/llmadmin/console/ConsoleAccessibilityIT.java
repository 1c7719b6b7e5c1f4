package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.llmadmin.ItPasses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every console page scanned by axe-core ({@link AxeScan}), signed in as an admin and as a viewer, and the sign-in page anonymously: no serious or
 * critical violation may be found. The forms that open on a page are scanned open too.
 */
@Tag(ItPasses.DATABASE_INDEPENDENT)
class ConsoleAccessibilityIT extends ConsoleTest {

    /** The pages both roles see. */
    private static final List<String> PAGES = List.of(
            "/console/index.xhtml",
            "/console/models.xhtml",
            "/console/gateway-keys.xhtml",
            "/console/audit.xhtml",
            "/console/usage.xhtml",
            "/console/usage.xhtml?days=30&by=key",
            "/console/budgets.xhtml",
            "/console/routes.xhtml",
            "/console/playground.xhtml",
            "/console/audit.xhtml?entityType=Model&entityId=gemini-1.5-pro",
            "/console/model.xhtml?id=gemini-1.5-pro",
            "/console/models.xhtml?type=chat&sort=id&order=desc&saved=gemini-1.5-pro",
            "/console/migration.xhtml",
            "/console/import.xhtml",
            "/console/account.xhtml");

    /** The pages only admins see. */
    private static final List<String> ADMIN_PAGES = List.of("/console/model.xhtml", "/console/admin/users.xhtml");

    @BeforeEach
    void injectAxe() throws IOException {
        AxeScan.inject(context);
    }

    private List<String> scan(String path) {
        page.navigate(url(path));
        assertThat(page).not().hasURL(Pattern.compile(".*/login\\.xhtml.*"));
        return violations(path);
    }

    private List<String> violations(String where) {
        return AxeScan.violations(page, where);
    }

    @Test
    void should_find_no_serious_or_critical_violation_on_any_page_as_an_admin() {
        signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
        List<String> violations = new ArrayList<>();
        for (String path : PAGES) {
            violations.addAll(scan(path));
        }
        for (String path : ADMIN_PAGES) {
            violations.addAll(scan(path));
        }

        page.navigate(url("/console/gateway-keys.xhtml"));
        byId("keysForm:issue").click();
        assertThat(byId("keyForm:name")).isVisible();
        // The button fades back from its busy look once the request is done; scan what a person then sees.
        page.waitForFunction(
                "id => { const b = document.getElementById(id);"
                        + " return b && !b.disabled && getComputedStyle(b).opacity === '1'; }",
                "keysForm:issue");
        violations.addAll(violations("issue form"));

        // The editor with a fallback listed and every field refused at once, as a person then sees it.
        page.navigate(url("/console/model.xhtml?id=gemini-1.5-pro"));
        byId("modelForm:fallbackChoice_input")
                .selectOption("gemini-1.5-flash", new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:addFallback").click();
        assertThat(page.locator("[id='modelForm:fallbacks'] li.fallback")).hasCount(1);
        byId("modelForm:displayName").fill("");
        byId("modelForm:contextLength").fill("lots");
        byId("modelForm:extraKwargs").fill("{");
        byId("modelForm:save").click();
        assertThat(byId("modelForm:extraKwargsMessage")).containsText("not valid JSON");
        violations.addAll(violations("model form with errors"));

        // The route editor with its two target rows and every field refused, and the budget form refused likewise.
        page.navigate(url("/console/routes.xhtml"));
        byId("routesForm:newRoute").click();
        assertThat(byId("routeForm:routeId")).isVisible();
        byId("routeForm:targets:0:weight").fill("-1");
        byId("routeForm:save").click();
        assertThat(byId("routeForm:targets:0:modelMessage")).containsText("must name a chat model");
        violations.addAll(violations("route form with errors"));
        page.navigate(url("/console/budgets.xhtml"));
        byId("budgetForm:save").click();
        assertThat(byId("budgetForm:targetMessage")).containsText("Choose");
        violations.addAll(violations("budget form with errors"));

        page.navigate(url("/console/admin/users.xhtml"));
        Locator reset = page.locator("[id='usersForm:users_data'] button[id$=':resetPassword']")
                .first();
        reset.click();
        assertThat(byId("resetForm:resetPassword")).isVisible();
        violations.addAll(violations("password form"));

        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }

    @Test
    void should_find_no_serious_or_critical_violation_on_any_page_as_a_viewer_or_on_the_sign_in_page() {
        List<String> violations = new ArrayList<>();
        page.navigate(url("/login.xhtml"));
        violations.addAll(violations("/login.xhtml"));

        String viewer = UsersApi.unique("it-a11y-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            for (String path : PAGES) {
                violations.addAll(scan(path));
            }
        } finally {
            UsersApi.delete(viewer);
        }

        assertThat(violations).as(String.join("\n", violations)).isEmpty();
    }
}
