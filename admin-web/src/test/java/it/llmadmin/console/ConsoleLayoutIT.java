package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItPasses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console's layout at a phone's width (390 px) and at desktop widths (1280, 1440, 1920 px): the page never scrolls
 * sideways, the menu stays reachable, and row actions are shown whole (no button cut off or its text clipped).
 */
@Tag(ItPasses.DATABASE_INDEPENDENT)
class ConsoleLayoutIT extends ConsoleTest {

    private static final List<String> PAGES = List.of(
            "/console/index.xhtml",
            "/console/models.xhtml",
            "/console/gateway-keys.xhtml",
            "/console/audit.xhtml",
            "/console/usage.xhtml",
            "/console/usage.xhtml?days=30&by=key",
            "/console/budgets.xhtml",
            "/console/routes.xhtml",
            "/console/migration.xhtml",
            "/console/account.xhtml",
            "/console/admin/users.xhtml",
            "/console/model.xhtml",
            "/console/model.xhtml?id=gemini-1.5-pro",
            "/console/models.xhtml?type=image&sort=id&order=desc");

    /**
     * What is wrong with the layout of the current page: a page wider than the window, a menu entry or a row action
     * outside the window or outside its table, or a button whose text does not fit.
     */
    private static final String PROBLEMS = "() => {"
            + " const width = window.innerWidth; const problems = [];"
            + " if (document.documentElement.scrollWidth > width + 1)"
            + "   problems.push('page is ' + document.documentElement.scrollWidth + ' px wide');"
            + " document.querySelectorAll('.menu-link').forEach(a => { const r = a.getBoundingClientRect();"
            + "   if (r.right > width + 1 || r.left < -1) problems.push('menu entry ' + a.textContent.trim() + ' off'); });"
            + " document.querySelectorAll('#content input, #content textarea, #content .ui-selectonemenu,"
            + "   #content .form-actions .ui-button, #content .fallback .ui-button').forEach(f => {"
            + "   const r = f.getBoundingClientRect();"
            + "   if (r.width > 0 && (r.right > width + 1 || r.left < -1))"
            + "     problems.push('field ' + (f.id || f.className) + ' off at ' + Math.round(r.left) + '-' + Math.round(r.right)); });"
            + " document.querySelectorAll('td.actions .ui-button').forEach(b => {"
            + "   const r = b.getBoundingClientRect(); const wrapper = b.closest('.ui-datatable-tablewrapper');"
            + "   const w = wrapper ? wrapper.getBoundingClientRect() : { left: 0, right: width };"
            + "   const label = b.textContent.trim();"
            + "   if (r.right > Math.min(width, w.right) + 1 || r.left < Math.max(0, w.left) - 1)"
            + "     problems.push('action ' + label + ' cut off at ' + Math.round(r.left) + '-' + Math.round(r.right));"
            + "   const text = b.querySelector('.ui-button-text');"
            + "   if (text && text.scrollWidth > text.clientWidth + 1) problems.push('action ' + label + ' clipped'); });"
            + " return problems; }";

    @SuppressWarnings("unchecked")
    private List<String> problemsAt(int width, int height) {
        page.setViewportSize(width, height);
        List<String> problems = new ArrayList<>();
        for (String path : PAGES) {
            page.navigate(url(path));
            page.waitForLoadState();
            for (String problem : (List<String>) page.evaluate(PROBLEMS)) {
                problems.add(width + " px " + path + ": " + problem);
            }
        }
        return problems;
    }

    @Test
    void should_fit_every_page_and_show_row_actions_whole_at_desktop_widths() {
        String name = UsersApi.unique("it-layout-key");
        KeysApi.issue(name);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            List<String> problems = new ArrayList<>();
            problems.addAll(problemsAt(1280, 800));
            problems.addAll(problemsAt(1440, 900));
            problems.addAll(problemsAt(1920, 1080));

            assertThat(problems).as(String.join("\n", problems)).isEmpty();
        } finally {
            KeysApi.removeQuietly(name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_fit_the_model_page_with_fallbacks_and_a_viewers_details_on_a_phone_and_a_desktop() {
        String id = UsersApi.unique("it-layout-model");
        String fallback = UsersApi.unique("it-layout-fallback-with-a-rather-long-catalog-id");
        String viewer = UsersApi.unique("it-layout-viewer");
        ModelsApi.create(fallback, true);
        ModelsApi.create(id, true);
        ModelsApi.patch(id, "{\"fallbacks\":[\"" + fallback + "\"],\"extraKwargs\":{\"seed\":3}}");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            List<String> problems = new ArrayList<>();
            for (int[] size : new int[][] {{390, 844}, {1280, 800}, {1920, 1080}}) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(url("/console/model.xhtml?id=" + id));
                assertThat(page.locator("[id='modelForm:fallbacks'] li.fallback"))
                        .hasCount(1);
                for (String problem : (List<String>) page.evaluate(PROBLEMS)) {
                    problems.add(size[0] + " px editor: " + problem);
                }
            }
            page.setViewportSize(390, 844);
            page.locator("[id='modelForm:save']").scrollIntoViewIfNeeded();
            assertThat(page.locator("[id='modelForm:save']")).isInViewport();
            page.locator("[id='account:signOut']").click();

            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            for (int[] size : new int[][] {{390, 844}, {1440, 900}}) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(url("/console/model.xhtml?id=" + id));
                assertThat(page.locator("#details")).isVisible();
                for (String problem : (List<String>) page.evaluate(PROBLEMS)) {
                    problems.add(size[0] + " px details: " + problem);
                }
                page.navigate(url("/console/models.xhtml?q=it-layout"));
                for (String problem : (List<String>) page.evaluate(PROBLEMS)) {
                    problems.add(size[0] + " px viewer's list: " + problem);
                }
            }

            assertThat(problems).as(String.join("\n", problems)).isEmpty();
        } finally {
            UsersApi.delete(viewer);
            ModelsApi.deleteQuietly(id);
            ModelsApi.deleteQuietly(fallback);
        }
    }

    @Test
    void should_fit_every_page_on_a_390_px_phone_with_the_menu_and_row_actions_reachable() {
        String name = UsersApi.unique("it-layout-phone");
        KeysApi.issue(name);
        try {
            page.setViewportSize(390, 844);
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            List<String> problems = problemsAt(390, 844);

            assertThat(problems).as(String.join("\n", problems)).isEmpty();
            page.navigate(url("/console/gateway-keys.xhtml"));
            assertThat(page.locator("[id='menuModels']")).isInViewport();
            page.locator("[id='keysForm:keys_data'] > tr[class~='key-" + name + "'] button[id$=':revoke']")
                    .scrollIntoViewIfNeeded();
            assertThat(page.locator("[id='keysForm:keys_data'] > tr[class~='key-" + name + "'] button[id$=':revoke']"))
                    .isInViewport();
        } finally {
            KeysApi.removeQuietly(name);
        }
    }
}
