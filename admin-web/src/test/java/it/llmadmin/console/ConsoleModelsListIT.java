package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The models list as a place to come back to: its totals, its filters, sort, page and page size kept in the URL (a
 * reload or a shared link shows the same view), the text filter reacting to a paste as to typing, and a deactivation
 * that asks first and can be undone.
 */
class ConsoleModelsListIT extends ConsoleTest {

    private Locator ids() {
        return page.locator("[id='modelsForm:models_data'] code.catalog-id");
    }

    private Locator report() {
        return page.locator("[id='modelsForm:models'] .ui-paginator-current").first();
    }

    private Locator row(String id) {
        return page.locator("[id='modelsForm:models_data'] > tr[class~='model-" + id + "']");
    }

    private void filterByType(String type) {
        Locator panel = byId("modelsForm:typeFilter_panel");
        byId("modelsForm:typeFilter").click();
        assertThat(panel).isVisible();
        page.waitForFunction(
                "id => { const panel = document.getElementById(id);"
                        + " return panel && getComputedStyle(panel).opacity === '1'; }",
                "modelsForm:typeFilter_panel");
        page.locator("[id='modelsForm:typeFilter_items'] li[data-label='" + type + "']")
                .click();
        assertThat(byId("modelsForm:typeFilter_label")).hasText(type);
        assertThat(panel).isHidden();
    }

    @Test
    void should_keep_filter_and_sort_in_the_url_so_that_a_reload_shows_the_same_view_with_its_totals() {
        signInAndOpen("/console/models.xhtml", "admin", ADMIN_PASSWORD);

        filterByType("image");
        assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?type=image$"));
        // fill() puts the text in at once with no key pressed, as a paste from the mouse's menu does: the filter must
        // react to the input itself, not to keys.
        byId("modelsForm:textFilter").fill("flux");
        assertThat(ids()).hasCount(2);
        assertThat(page).hasURL(Pattern.compile(".*\\?type=image&q=flux$"));
        assertThat(report()).hasText("1–2 of 2");

        Locator byCatalogId = page.locator("[id='modelsForm:models'] thead th")
                .filter(new Locator.FilterOptions().setHasText("Catalog id"));
        byCatalogId.click();
        assertThat(ids()).hasText(new String[] {"flux-pro", "flux-schnell"});
        assertThat(page).hasURL(Pattern.compile(".*\\?type=image&q=flux&sort=id$"));
        byCatalogId.click();
        assertThat(ids()).hasText(new String[] {"flux-schnell", "flux-pro"});
        assertThat(page).hasURL(Pattern.compile(".*\\?type=image&q=flux&sort=id&order=desc$"));

        page.reload();

        assertThat(ids()).hasText(new String[] {"flux-schnell", "flux-pro"});
        assertThat(byId("modelsForm:textFilter")).hasValue("flux");
        assertThat(byId("modelsForm:typeFilter_label")).hasText("image");
        assertThat(report()).hasText("1–2 of 2");
    }

    @Test
    void should_open_a_shared_link_on_its_page_and_keep_paging_in_the_url() {
        String prefix = UsersApi.unique("it-list");
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < 21; i++) {
                String id = prefix + String.format("-%02d", i);
                ModelsApi.create(id, true);
                made.add(id);
            }
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/models.xhtml?q=" + prefix + "&sort=id&page=2&rows=20"));

            assertThat(ids()).hasText(new String[] {prefix + "-20"});
            assertThat(report()).hasText("21–21 of 21");

            page.locator("[id='modelsForm:models'] .ui-paginator-page")
                    .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^1$")))
                    .first()
                    .click();
            assertThat(report()).hasText("1–20 of 21");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=id&rows=20$"));

            page.locator("[id='modelsForm:models'] .ui-paginator-next").first().click();
            assertThat(report()).hasText("21–21 of 21");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=id&page=2&rows=20$"));
            page.reload();
            assertThat(ids()).hasText(new String[] {prefix + "-20"});
        } finally {
            made.forEach(ModelsApi::deleteQuietly);
        }
    }

    @Test
    void should_deactivate_only_after_confirmation_and_undo_it_at_once() {
        String id = UsersApi.unique("it-list-undo");
        ModelsApi.create(id, true);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/models.xhtml?q=" + id));
            assertThat(row(id).locator(".active-tag")).hasText("active");

            page.onceDialog(Dialog::dismiss);
            row(id).locator("button[id$=':deactivate']").click();
            assertThat(row(id).locator(".active-tag")).hasText("active");
            assertThat(ModelsApi.find(id).getBoolean("active")).isTrue();

            page.onceDialog(dialog -> {
                assertThat(dialog.message()).contains("Deactivate " + id + "?");
                dialog.accept();
            });
            row(id).locator("button[id$=':deactivate']").click();
            assertThat(row(id).locator(".active-tag")).hasText("inactive");
            assertThat(byId("modelsForm:undoPanel")).containsText(id + " is now hidden from clients");
            assertThat(ModelsApi.find(id).getBoolean("active")).isFalse();

            byId("modelsForm:undo").click();
            assertThat(row(id).locator(".active-tag")).hasText("active");
            assertThat(byId("modelsForm:messages")).containsText("Undone: " + id + " is active again");
            assertThat(byId("modelsForm:undoPanel")).hasCount(0);
            assertThat(ModelsApi.find(id).getBoolean("active")).isTrue();
            assertThat(ModelsApi.frontendList("chat")).contains("\"id\":\"" + id + "\"");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }
}
