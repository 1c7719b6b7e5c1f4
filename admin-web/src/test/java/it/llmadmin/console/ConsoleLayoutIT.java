package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's layout at a phone's width (390 px) and at desktop widths (1280, 1440, 1920 px): the page never scrolls
 * sideways, the menu stays reachable, and row actions are shown whole (no button cut off or its text clipped).
 */
class ConsoleLayoutIT extends ConsoleTest {

    private static final List<String> PAGES = List.of(
            "/console/index.xhtml",
            "/console/models.xhtml",
            "/console/gateway-keys.xhtml",
            "/console/audit.xhtml",
            "/console/migration.xhtml",
            "/console/account.xhtml",
            "/console/admin/users.xhtml",
            "/console/model.xhtml");

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
