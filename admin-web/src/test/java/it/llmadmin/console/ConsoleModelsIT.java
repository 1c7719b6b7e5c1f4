package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The models page and the model page: the seeded catalog listed and filtered, creating, refusing bad input, activating
 * and deactivating, a stale edit refused, and a viewer who may only read. Models made here are deleted through the
 * admin API afterwards.
 */
class ConsoleModelsIT extends ConsoleTest {

    private static final List<String> SEEDED_CHAT =
            List.of("gemini-2.5-flash-preview-04-17", "gemini-1.5-pro", "gemini-1.5-flash");
    private static final List<String> SEEDED_IMAGE = List.of("sdxl", "sdxl-lightning", "flux-schnell", "flux-pro");

    private Locator ids() {
        return page.locator("[id='modelsForm:models_data'] code.catalog-id");
    }

    /** The table's row of one model (each row carries the class {@code model-<id>}). */
    private Locator row(String id) {
        return page.locator("[id='modelsForm:models_data'] > tr[class~='model-" + id + "']");
    }

    private void filterByType(String type) {
        Locator panel = byId("modelsForm:typeFilter_panel");
        byId("modelsForm:typeFilter").click();
        // The menu fades in; a click on an item before it is fully shown is lost (seen on a loaded machine: the panel
        // stayed open and nothing was filtered), so wait until it is shown and opaque, as a person would see it.
        assertThat(panel).isVisible();
        page.waitForFunction(
                "id => { const panel = document.getElementById(id);"
                        + " return panel && getComputedStyle(panel).opacity === '1'; }",
                "modelsForm:typeFilter_panel");
        page.locator("[id='modelsForm:typeFilter_items'] li[data-label='" + type + "']")
                .click();
        assertThat(byId("modelsForm:typeFilter_label")).hasText(type);
        // The panel fades out; a click on the menu while it is still fading toggles it shut instead of open (the next
        // filter then found its items invisible), so the next step waits until it is gone.
        assertThat(panel).isHidden();
    }

    private void filterByText(String text) {
        // Key by key, as someone types: the filter listens to keyup.
        byId("modelsForm:textFilter").pressSequentially(text);
    }

    /** Picks the provider in the menu's underlying select (the form posts that select; no ajax listens). */
    private void chooseProvider(String provider) {
        byId("modelForm:provider_input").selectOption(provider, new Locator.SelectOptionOptions().setForce(true));
    }

    @Test
    void should_list_the_seeded_models_and_filter_them_by_type_and_text() {
        signInAndOpen("/console/models.xhtml", "admin", ADMIN_PASSWORD);

        assertThat(page.locator("[id='modelsForm:models'] thead th"))
                .containsText(new String[] {"Catalog id", "Display name", "Type", "Provider", "Active", "Updated"});
        for (String id : SEEDED_CHAT) {
            assertThat(row(id)).hasCount(1);
        }
        for (String id : SEEDED_IMAGE) {
            assertThat(row(id)).hasCount(1);
        }
        assertThat(row("gemini-1.5-pro").locator(".type")).hasText("chat");
        assertThat(row("gemini-1.5-pro").locator(".active-tag")).hasText("active");

        filterByType("image");
        assertThat(row("gemini-1.5-pro")).hasCount(0);
        for (String id : SEEDED_IMAGE) {
            assertThat(row(id)).hasCount(1);
        }
        assertThat(page.locator("[id='modelsForm:models_data'] .type")).containsText(new String[] {"image"});
        assertThat(page.locator("[id='modelsForm:models_data'] .type").allTextContents())
                .containsOnly("image");

        filterByType("chat");
        assertThat(row("sdxl")).hasCount(0);
        for (String id : SEEDED_CHAT) {
            assertThat(row(id)).hasCount(1);
        }
        assertThat(page.locator("[id='modelsForm:models_data'] .type").allTextContents())
                .containsOnly("chat");

        filterByType("All types");
        filterByText("flux");
        assertThat(row("sdxl")).hasCount(0);
        assertThat(ids()).hasCount(2);
        assertThat(ids().allTextContents()).containsExactlyInAnyOrder("flux-schnell", "flux-pro");

        Locator byCatalogId = page.locator("[id='modelsForm:models'] thead th")
                .filter(new Locator.FilterOptions().setHasText("Catalog id"));
        byCatalogId.click();
        assertThat(ids()).hasText(new String[] {"flux-pro", "flux-schnell"});
        byCatalogId.click();
        assertThat(ids()).hasText(new String[] {"flux-schnell", "flux-pro"});
    }

    @Test
    void should_create_a_model_list_it_and_audit_it_as_the_signed_in_admin() {
        String admin = UsersApi.unique("it-console-admin");
        UsersApi.createViewer(admin);
        UsersApi.promoteToAdmin(admin);
        String id = UsersApi.unique("it-console-new");
        try {
            signInAndOpen("/console/models.xhtml", admin, UsersApi.VIEWER_PASSWORD);
            byId("modelsForm:newModel").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml.*"));

            byId("modelForm:catalogId").fill(id);
            chooseProvider("openai");
            byId("modelForm:providerModelName").fill("gpt-4o-mini");
            byId("modelForm:displayName").fill("IT console model");
            byId("modelForm:vendor").fill("OpenAI");
            byId("modelForm:contextLength").fill("128000");
            byId("modelForm:requestsPerMinute").fill("60");
            byId("modelForm:active")
                    .locator(".ui-chkbox-box")
                    .click(); // a new model is active by default: this makes it inactive
            byId("modelForm:save").click();

            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml.*"));
            assertThat(byId("modelsForm:messages")).containsText("Saved " + id);
            filterByText(id);
            assertThat(row(id).locator(".display-name")).hasText("IT console model");
            assertThat(row(id).locator(".active-tag")).hasText("inactive");

            JsonObject stored = ModelsApi.find(id);
            assertThat(stored).isNotNull();
            assertThat(stored.getString("vendor")).isEqualTo("OpenAI");
            assertThat(stored.getInt("contextLength")).isEqualTo(128000);
            assertThat(stored.getJsonObject("limits").getInt("requestsPerMinute"))
                    .isEqualTo(60);
            JsonObject event = ModelsApi.audit(id).getJsonArray("items").getJsonObject(0);
            assertThat(event.getString("action")).isEqualTo("CREATE");
            assertThat(event.getString("actor")).isEqualTo(admin);
        } finally {
            ModelsApi.deleteQuietly(id);
            UsersApi.delete(admin);
        }
    }

    @Test
    void should_refuse_an_empty_display_name_and_a_bad_context_length_with_field_messages_and_store_nothing() {
        String id = UsersApi.unique("it-console-bad");
        try {
            signInAndOpen("/console/model.xhtml", "admin", ADMIN_PASSWORD);

            byId("modelForm:catalogId").fill(id);
            chooseProvider("openai");
            byId("modelForm:providerModelName").fill("gpt-4o-mini");
            byId("modelForm:displayName").fill("");
            byId("modelForm:contextLength").fill("-5");
            byId("modelForm:save").click();

            assertThat(byId("modelForm:displayNameMessage")).containsText("must not be blank");
            assertThat(byId("modelForm:contextLengthMessage")).containsText("must be >= 0");
            assertThat(byId("modelForm:messages")).containsText("Nothing was saved");
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml.*"));
            assertThat(ModelsApi.find(id)).isNull();

            byId("modelForm:displayName").fill("Now named");
            byId("modelForm:contextLength").fill("lots");
            byId("modelForm:save").click();

            assertThat(byId("modelForm:contextLengthMessage")).containsText("must be a whole number");
            assertThat(byId("modelForm:displayNameMessage")).not().containsText("must not be blank");
            assertThat(ModelsApi.find(id)).isNull();

            page.navigate(url("/console/model.xhtml?id=" + id));
            assertThat(byId("missingNote")).containsText("There is no model '" + id + "'");
            assertThat(byId("modelForm")).hasCount(0);
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_hide_a_deactivated_model_from_v1_models_and_show_it_again_when_activated() {
        String id = UsersApi.unique("it-console-toggle");
        ModelsApi.create(id, true);
        try {
            signInAndOpen("/console/models.xhtml", "admin", ADMIN_PASSWORD);
            filterByText(id);
            assertThat(row(id).locator(".active-tag")).hasText("active");
            assertThat(ModelsApi.frontendList("chat")).contains("\"id\":\"" + id + "\"");

            page.onceDialog(Dialog::accept); // deactivating asks first (ConsoleModelsListIT: cancelling keeps it)
            row(id).locator("button[id$=':deactivate']").click();
            assertThat(row(id).locator(".active-tag")).hasText("inactive");
            assertThat(byId("modelsForm:messages")).containsText("Deactivated " + id);
            assertThat(ModelsApi.frontendList("chat")).doesNotContain(id);

            row(id).locator("button[id$=':activate']").click();
            assertThat(row(id).locator(".active-tag")).hasText("active");
            assertThat(ModelsApi.frontendList("chat")).contains("\"id\":\"" + id + "\"");
            assertThat(ModelsApi.audit(id)
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("action"))
                    .isEqualTo("ACTIVATE");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_refuse_a_stale_edit_with_a_conflict_message_and_keep_the_other_admins_change() {
        String id = UsersApi.unique("it-console-stale");
        JsonObject created = ModelsApi.create(id, false);
        try {
            signInAndOpen("/console/models.xhtml", "admin", ADMIN_PASSWORD);
            filterByText(id);
            row(id).locator("a[id$=':edit'], button[id$=':edit']").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml\\?id=" + id));
            assertThat(byId("modelForm:displayName")).hasValue("IT " + id);

            assertThat(ModelsApi.rename(
                            id,
                            "Changed through the API",
                            created.getJsonNumber("version").longValue()))
                    .isEqualTo(200);

            byId("modelForm:displayName").fill("Changed in the console");
            byId("modelForm:save").click();

            assertThat(byId("modelForm:messages")).containsText("changed by someone else since you opened it; reload");
            assertThat(ModelsApi.find(id).getString("displayName")).isEqualTo("Changed through the API");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_show_a_viewer_the_models_without_any_edit_control() {
        String viewer = UsersApi.unique("it-console-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/models.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            assertThat(row("sdxl")).hasCount(1);
            assertThat(byId("modelsForm:viewerNote")).containsText("Only admins");
            assertThat(byId("modelsForm:newModel")).hasCount(0);
            assertThat(page.locator("[id$=':edit'], [id$=':deactivate'], [id$=':activate']"))
                    .hasCount(0);

            page.navigate(url("/console/model.xhtml?id=sdxl"));
            assertThat(byId("viewerNote")).containsText("Only admins");
            assertThat(byId("modelForm")).hasCount(0);
            assertThat(page.locator("#details .detail-id")).hasText("sdxl");

            page.navigate(url("/console/model.xhtml"));
            assertThat(byId("viewerNote")).containsText("Only admins");
            assertThat(page.locator("#details")).hasCount(0);
        } finally {
            UsersApi.delete(viewer);
        }
    }
}
