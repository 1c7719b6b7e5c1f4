package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import it.llmadmin.ItPasses;
import jakarta.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A main flow by keyboard only, as someone without a mouse does it: sign in, open the models from the menu, find one,
 * open it, change its name and a capability, save; no click anywhere. Focus moves by Tab alone (never by a locator's
 * focus()), so every control on the way must be reachable in the page's tab order. The menu marks the current page.
 */
@Tag(ItPasses.DATABASE_INDEPENDENT)
class ConsoleKeyboardIT extends ConsoleTest {

    /** Tab stops any console page has at most before the control wanted; past them the control is not reachable. */
    private static final int MAX_TABS = 150;

    /** Presses Tab until the element the script names has the focus. */
    private void tabTo(String description, String isFocused, Object argument) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate(isFocused, argument)) {
                return;
            }
        }
        fail(description + " is not reachable by Tab (" + MAX_TABS + " presses)");
    }

    private void tabToId(String id) {
        tabTo(id, "id => document.activeElement !== null && document.activeElement.id === id", id);
    }

    @Test
    void should_open_edit_and_save_a_model_with_the_keyboard_alone() {
        String id = UsersApi.unique("it-keyboard");
        ModelsApi.create(id, true);
        try {
            page.navigate(url("/console/index.xhtml"));
            assertThat(page).hasURL(Pattern.compile(".*/login\\.xhtml.*"));
            tabToId("signInForm:username");
            page.keyboard().type("admin");
            tabToId("signInForm:password");
            page.keyboard().type(ADMIN_PASSWORD);
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));
            assertThat(byId("menuOverview")).hasAttribute("aria-current", "page");

            tabToId("menuModels");
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml$"));
            assertThat(byId("menuModels")).hasAttribute("aria-current", "page");
            assertThat(byId("menuOverview")).hasAttribute("aria-current", "false");

            tabToId("modelsForm:textFilter");
            page.keyboard().type(id);
            assertThat(page.locator("[id='modelsForm:models_data'] code.catalog-id"))
                    .hasText(new String[] {id});
            tabTo(
                    "the Edit button of " + id,
                    "id => { const e = document.activeElement; return e !== null && e.id.endsWith(':edit')"
                            + " && e.closest('tr') !== null && e.closest('tr').classList.contains('model-' + id); }",
                    id);
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml\\?id=" + id + "$"));
            assertThat(byId("menuModels")).hasAttribute("aria-current", "page");

            tabToId("modelForm:displayName");
            page.keyboard().press("Control+A");
            page.keyboard().type("Renamed by keyboard");
            tabToId("modelForm:tools_input");
            page.keyboard().press("Space");
            assertThat(byId("modelForm:tools").locator(".ui-chkbox-box"))
                    .hasClass(Pattern.compile(".*ui-state-active.*"));
            tabToId("modelForm:save");
            page.keyboard().press("Enter");

            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + id + "$"));
            assertThat(page.locator("[id='modelsForm:models_data'] > tr.saved-row code.catalog-id"))
                    .hasText(id);
            JsonObject stored = ModelsApi.find(id);
            assertThat(stored.getString("displayName")).isEqualTo("Renamed by keyboard");
            assertThat(stored.getJsonObject("capabilities").getBoolean("tools")).isTrue();
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }
}
