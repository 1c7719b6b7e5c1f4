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
 * The model page's complete editor: fallbacks picked, reordered and removed, capabilities, parameter ranges and extra
 * kwargs stored; every field error of a save shown at once; delete after a confirmation (and refused while another
 * model falls back to it); the saved row highlighted on the list; the read-only details and History link for viewers;
 * the response cache TTL saved with the model (nothing saved while it is out of range); the fallback picker filtered
 * by any part of a model's id or name, typed or pasted.
 * Models made here are deleted through the admin API afterwards.
 */
class ConsoleModelEditorIT extends ConsoleTest {

    private Locator fallbackIds() {
        return page.locator("[id='modelForm:fallbacks'] li.fallback code");
    }

    private Locator fallback(String id) {
        return page.locator("[id='modelForm:fallbacks'] li[class~='fallback-" + id + "']");
    }

    private void addFallback(String id) {
        int before = fallbackIds().count();
        byId("modelForm:fallbackChoice_input").selectOption(id, new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:addFallback").click();
        assertThat(fallbackIds()).hasCount(before + 1);
    }

    private void check(String checkbox) {
        byId("modelForm:" + checkbox).locator(".ui-chkbox-box").click();
    }

    @Test
    void should_store_fallbacks_in_their_order_capabilities_ranges_and_kwargs_and_highlight_the_saved_row() {
        String id = UsersApi.unique("it-editor-main");
        String first = UsersApi.unique("it-editor-fb1");
        String second = UsersApi.unique("it-editor-fb2");
        String third = UsersApi.unique("it-editor-fb3");
        for (String model : List.of(id, first, second, third)) {
            ModelsApi.create(model, true);
        }
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + id));
            assertThat(byId("modelForm:noFallbacks")).isVisible();

            addFallback(first);
            addFallback(second);
            addFallback(third);
            assertThat(fallbackIds()).hasText(new String[] {first, second, third});
            fallback(third).locator("button[id$=':up']").click();
            assertThat(fallbackIds()).hasText(new String[] {first, third, second});
            fallback(first).locator("button[id$=':down']").click();
            assertThat(fallbackIds()).hasText(new String[] {third, first, second});
            fallback(first).locator("button[id$=':remove']").click();
            assertThat(fallbackIds()).hasText(new String[] {third, second});
            assertThat(fallback(third).locator("button[id$=':up']")).isDisabled();

            check("tools");
            check("jsonOutput");
            check("reasoning");
            byId("modelForm:temperatureMin").fill("0.2");
            byId("modelForm:temperatureMax").fill("1");
            byId("modelForm:topPMax").fill("0.9");
            byId("modelForm:maxOutputTokens").fill("4096");
            byId("modelForm:extraKwargs").fill("{\"seed\": 7, \"stop\": [\"END\"]}");
            byId("modelForm:save").click();

            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + id + "$"));
            assertThat(byId("modelsForm:messages")).containsText("Saved " + id);
            Locator savedRow = page.locator("[id='modelsForm:models_data'] > tr.saved-row");
            assertThat(savedRow).hasCount(1);
            assertThat(savedRow.locator("code.catalog-id")).hasText(id);
            assertThat(savedRow).isInViewport();

            JsonObject stored = ModelsApi.find(id);
            assertThat(stored.getJsonArray("fallbacks").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly(third, second);
            JsonObject capabilities = stored.getJsonObject("capabilities");
            assertThat(capabilities.getBoolean("tools")).isTrue();
            assertThat(capabilities.getBoolean("jsonOutput")).isTrue();
            assertThat(capabilities.getBoolean("reasoning")).isTrue();
            assertThat(capabilities.getBoolean("vision")).isFalse();
            assertThat(capabilities.getBoolean("streaming")).isTrue();
            JsonObject parameters = stored.getJsonObject("parameters");
            assertThat(parameters.getJsonNumber("temperatureMin").doubleValue()).isEqualTo(0.2);
            assertThat(parameters.getJsonNumber("temperatureMax").doubleValue()).isEqualTo(1.0);
            assertThat(parameters.getJsonNumber("topPMax").doubleValue()).isEqualTo(0.9);
            assertThat(parameters.getInt("maxTokens")).isEqualTo(4096);
            assertThat(stored.getJsonObject("extraKwargs").getInt("seed")).isEqualTo(7);
        } finally {
            for (String model : List.of(id, first, second, third)) {
                ModelsApi.deleteQuietly(model);
            }
        }
    }

    @Test
    void should_show_every_field_error_of_a_save_at_once_and_store_nothing_until_all_are_fixed() {
        String id = UsersApi.unique("it-editor-bad");
        ModelsApi.create(id, true);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + id));
            assertThat(page.locator("label[for='modelForm:displayName']")).containsText("*");

            byId("modelForm:displayName").fill("");
            byId("modelForm:contextLength").fill("lots");
            byId("modelForm:temperatureMin").fill("1.5");
            byId("modelForm:temperatureMax").fill("0.5");
            byId("modelForm:topPMin").fill("a bit");
            byId("modelForm:extraKwargs").fill("{\"seed\": 7");
            byId("modelForm:save").click();

            assertThat(byId("modelForm:displayNameMessage")).containsText("must not be blank");
            assertThat(byId("modelForm:contextLengthMessage")).containsText("must be a whole number");
            assertThat(byId("modelForm:temperatureMaxMessage")).containsText("must be >= parameters.temperatureMin");
            assertThat(byId("modelForm:topPMinMessage")).containsText("must be a number like 0.7");
            assertThat(byId("modelForm:extraKwargsMessage")).containsText("is not valid JSON (line 1");
            assertThat(byId("modelForm:messages")).containsText("Nothing was saved");
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml.*"));

            // What only the registry knows (a secret in the kwargs, a bound above the context) is said on the field.
            byId("modelForm:displayName").fill("Fixed name");
            byId("modelForm:contextLength").fill("1000");
            byId("modelForm:temperatureMin").fill("0");
            byId("modelForm:topPMin").fill("0");
            byId("modelForm:maxOutputTokens").fill("2000");
            byId("modelForm:extraKwargs").fill("{\"api_key\": \"sk-not-a-real-key\"}");
            byId("modelForm:save").click();

            assertThat(byId("modelForm:extraKwargsMessage")).containsText("api_key looks like a secret");
            assertThat(byId("modelForm:maxOutputTokensMessage")).containsText("must be <= contextLength (1000)");
            assertThat(byId("modelForm:displayNameMessage")).isEmpty();
            JsonObject unchanged = ModelsApi.find(id);
            assertThat(unchanged.getString("displayName")).isEqualTo("IT " + id);
            assertThat(unchanged.getInt("contextLength")).isEqualTo(128000);

            byId("modelForm:extraKwargs").fill("");
            byId("modelForm:maxOutputTokens").fill("500");
            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=.*"));
            assertThat(ModelsApi.find(id).getString("displayName")).isEqualTo("Fixed name");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_delete_only_after_confirmation_and_refuse_while_another_model_falls_back_to_it() {
        String id = UsersApi.unique("it-editor-del");
        String user = UsersApi.unique("it-editor-user");
        ModelsApi.create(id, true);
        ModelsApi.create(user, true);
        assertThat(ModelsApi.patch(user, "{\"fallbacks\":[\"" + id + "\"]}")).isEqualTo(200);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + id));

            page.onceDialog(Dialog::dismiss);
            byId("modelForm:delete").click();
            assertThat(byId("modelForm:catalogId")).hasValue(id);
            assertThat(ModelsApi.find(id)).isNotNull();

            page.onceDialog(Dialog::accept);
            byId("modelForm:delete").click();
            assertThat(byId("modelForm:messages")).containsText("is a fallback of " + user);
            assertThat(byId("modelForm:messages")).containsText("Nothing was deleted");
            assertThat(ModelsApi.find(id)).isNotNull();

            assertThat(ModelsApi.patch(user, "{\"fallbacks\":[]}")).isEqualTo(200);
            page.reload();
            page.onceDialog(Dialog::accept);
            byId("modelForm:delete").click();

            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?deleted=" + id + "$"));
            assertThat(byId("modelsForm:messages")).containsText("Deleted " + id);
            assertThat(ModelsApi.find(id)).isNull();
            assertThat(ModelsApi.audit(id)
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getString("action"))
                    .isEqualTo("DELETE");
        } finally {
            ModelsApi.deleteQuietly(user);
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_show_a_viewer_every_field_read_only_with_a_link_to_the_models_history() {
        String id = UsersApi.unique("it-editor-view");
        String fallback = UsersApi.unique("it-editor-vfb");
        String viewer = UsersApi.unique("it-editor-viewer");
        ModelsApi.create(fallback, true);
        ModelsApi.create(id, true);
        assertThat(ModelsApi.patch(
                        id,
                        "{\"fallbacks\":[\"" + fallback + "\"],\"capabilities\":{\"tools\":true},"
                                + "\"parameters\":{\"temperatureMax\":1.2},\"extraKwargs\":{\"seed\":3}}"))
                .isEqualTo(200);
        assertThat(ModelsApi.setCacheTtl(id, 45)).isEqualTo(200);
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/index.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            page.navigate(url("/console/models.xhtml?q=" + id));
            page.locator("[id='modelsForm:models_data'] button[id$=':details']").click();

            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml\\?id=" + id + "$"));
            assertThat(page.locator("h1")).hasText("Model " + id);
            assertThat(byId("modelForm")).hasCount(0);
            assertThat(page.locator("#details .detail-displayName")).hasText("IT " + id);
            assertThat(page.locator("#details .detail-fallbacks")).containsText(fallback);
            assertThat(page.locator("#details .detail-capabilities")).containsText("tools");
            assertThat(page.locator("#details .detail-temperature")).hasText("0 to 1.2");
            assertThat(page.locator("#details .detail-kwargs")).containsText("\"seed\"");
            assertThat(page.locator("#details .detail-cacheTtl")).hasText("45 s");
            assertThat(page.locator("#content input:not([type=hidden]), #content textarea, #content select"))
                    .hasCount(0);

            byId("history").click();
            assertThat(page)
                    .hasURL(Pattern.compile(
                            ".*/console/audit\\.xhtml\\?(?=.*entityType=Model)(?=.*entityId=" + id + "(&|$)).*"));
            assertThat(page.locator("#auditHeading")).hasText("History of model " + id);
            assertThat(page.locator("[id='auditForm:events_data'] .action"))
                    .containsText(new String[] {"UPDATE", "CREATE"});
        } finally {
            UsersApi.delete(viewer);
            ModelsApi.deleteQuietly(id);
            ModelsApi.deleteQuietly(fallback);
        }
    }

    @Test
    void should_save_the_cache_ttl_with_the_model_and_store_neither_while_the_ttl_is_out_of_range() {
        String id = UsersApi.unique("it-editor-ttl");
        ModelsApi.create(id, true);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + id));
            assertThat(byId("modelForm:cacheTtl")).hasValue("0");

            byId("modelForm:displayName").fill("Cached model");
            byId("modelForm:cacheTtl").fill("86401");
            byId("modelForm:save").click();
            assertThat(byId("modelForm:cacheTtlMessage")).hasText("must be 0 (off) to 86400 seconds");
            assertThat(byId("modelForm:messages")).containsText("Nothing was saved");
            assertThat(ModelsApi.find(id).getString("displayName")).isEqualTo("IT " + id);
            assertThat(ModelsApi.cacheTtlOf(id)).isZero();

            byId("modelForm:cacheTtl").fill("an hour");
            byId("modelForm:save").click();
            assertThat(byId("modelForm:cacheTtlMessage")).hasText("must be a whole number");

            byId("modelForm:cacheTtl").fill("120");
            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + id + "$"));
            assertThat(ModelsApi.find(id).getString("displayName")).isEqualTo("Cached model");
            assertThat(ModelsApi.cacheTtlOf(id)).isEqualTo(120);

            // The routes page shows the TTL set here, and the editor shows what the routes page (or the API) set.
            page.navigate(url("/console/routes.xhtml"));
            assertThat(page.locator("[id='cacheForm:policies_data'] tr[class~='cache-" + id + "'] .ttl"))
                    .hasText("120 s");
            assertThat(ModelsApi.setCacheTtl(id, 30)).isEqualTo(200);
            page.navigate(url("/console/model.xhtml?id=" + id));
            assertThat(byId("modelForm:cacheTtl")).hasValue("30");
            byId("modelForm:cacheTtl").fill("0");
            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + id + "$"));
            assertThat(ModelsApi.cacheTtlOf(id)).isZero();
            assertThat(ModelsApi.audit(id).getJsonArray("items").stream()
                            .map(event -> event.asJsonObject().getString("entityType") + " "
                                    + event.asJsonObject().getString("action"))
                            .toList())
                    .contains("ResponseCachePolicy CREATE", "ResponseCachePolicy DELETE");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_filter_the_fallback_picker_by_any_part_of_an_id_or_name_typed_or_pasted() {
        String id = UsersApi.unique("it-editor-pick");
        String base = UsersApi.unique("it-editor-cand");
        String alpha = base + "-alpha";
        String beta = base + "-beta";
        for (String model : List.of(id, alpha, beta)) {
            ModelsApi.create(model, true);
        }
        assertThat(ModelsApi.patch(beta, "{\"displayName\":\"Quokka " + base + "\"}"))
                .isEqualTo(200);
        Locator shown = page.locator("[id='modelForm:fallbackChoice_items'] li.ui-selectonemenu-item:visible");
        Locator filter = byId("modelForm:fallbackChoice_filter");
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + id));
            byId("modelForm:fallbackChoice").click();
            assertThat(filter).isVisible();

            // Typed, key by key: the middle of an id, not its start.
            filter.pressSequentially(base.substring(base.length() - 8) + "-alp");
            assertThat(shown).hasCount(1);
            assertThat(shown).containsText(alpha);

            // Pasted (the text changes without a key typed): a part of the display name.
            filter.fill("quokka");
            assertThat(shown).hasCount(1);
            assertThat(shown).containsText(beta);
            shown.click();
            byId("modelForm:addFallback").click();
            assertThat(fallbackIds()).hasText(new String[] {beta});

            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + id + "$"));
            assertThat(ModelsApi.find(id).getJsonArray("fallbacks").getString(0))
                    .isEqualTo(beta);
        } finally {
            for (String model : List.of(id, alpha, beta)) {
                ModelsApi.deleteQuietly(model);
            }
        }
    }
}
