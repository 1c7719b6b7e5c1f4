package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway keys page: issuing a key (the token shown once, copied, and accepted by the gateway), editing its models,
 * limits and expiry, revoking it after a confirmation and deleting it, and a viewer who may only read.
 */
class ConsoleGatewayKeysIT extends ConsoleTest {

    private Locator row(String name) {
        return page.locator("[id='keysForm:keys_data'] > tr[class~='key-" + name + "']");
    }

    /** Ticks models in the picker as a person does: open it, tick each, close it. */
    private void pickModels(String... ids) {
        byId("keyForm:allowedModels").click();
        page.waitForFunction(
                "id => { const panel = document.getElementById(id);"
                        + " return panel && getComputedStyle(panel).opacity === '1'"
                        + " && getComputedStyle(panel).display !== 'none'; }",
                "keyForm:allowedModels_panel");
        for (String id : ids) {
            page.locator("[id='keyForm:allowedModels_panel'] li[data-item-value='" + id + "'] .ui-chkbox-box")
                    .click();
        }
        page.keyboard().press("Escape");
    }

    /**
     * Clicks a row action that asks the browser's own confirmation first, answers it, and returns what it asked. The
     * page uses the browser's dialog: nothing of it can stay over the page once answered.
     */
    private String clickAndAnswer(Locator action, boolean accept) {
        String[] asked = new String[1];
        page.onceDialog(dialog -> {
            asked[0] = dialog.message();
            if (accept) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        });
        action.click();
        return asked[0];
    }

    @Test
    void should_issue_a_key_show_its_token_once_copy_it_and_open_the_gateway_with_it() {
        String model = UsersApi.unique("it-keys-model");
        String name = UsersApi.unique("it-console-key");
        ModelsApi.create(model, true);
        try {
            context.grantPermissions(
                    List.of("clipboard-read", "clipboard-write"),
                    new BrowserContext.GrantPermissionsOptions()
                            .setOrigin(ServerUnderTest.uri("/").toString().replaceAll("/$", "")));
            signInAndOpen("/console/gateway-keys.xhtml", "admin", ADMIN_PASSWORD);
            assertThat(page.locator("[id='menuGatewayKeys']")).hasAttribute("aria-current", "page");

            byId("keysForm:issue").click();
            assertThat(byId("keyForm:name")).isVisible();
            byId("keyForm:name").fill(name);
            pickModels(model);
            byId("keyForm:requestsPerMinute").fill("30");
            byId("keyForm:expiresOn_input").fill("2031-05-01");
            page.keyboard().press("Escape");
            byId("keyForm:save").click();

            Locator token = byId("tokenForm:token");
            assertThat(token).isVisible();
            String shown = token.inputValue();
            assertThat(shown).startsWith("llmk_");
            byId("tokenForm:copy").click();
            assertThat(byId("tokenForm:copied")).hasText("Copied to the clipboard.");
            Object copied = page.evaluate("() => navigator.clipboard.readText()");
            assertThat(copied).isEqualTo(shown);

            HttpResponse<String> models = KeysApi.gatewayModels(shown);
            assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
            assertThat(models.body()).contains("\"id\":\"" + model + "\"");

            byId("tokenForm:done").click();
            assertThat(token).hasCount(0);
            assertThat(page.content()).doesNotContain(shown);
            page.reload();
            assertThat(row(name).locator(".allowed-models")).hasText(model);
            assertThat(row(name).locator(".limits")).containsText("30 requests");
            assertThat(row(name).locator(".expires")).containsText("2031-05-02");
            assertThat(row(name).locator(".last-used")).not().hasText("never");
            assertThat(row(name).locator(".status-tag")).hasText("active");
            assertThat(page.content()).doesNotContain(shown);
            JsonObject stored = KeysApi.named(name);
            assertThat(stored.getString("expiresAt")).startsWith("2031-05-02T00:00");
        } finally {
            KeysApi.removeQuietly(name);
            ModelsApi.deleteQuietly(model);
        }
    }

    @Test
    void should_edit_a_keys_limits_and_models_then_revoke_it_after_a_confirmation_and_delete_it() {
        String name = UsersApi.unique("it-console-edit");
        JsonObject issued = KeysApi.issue(name);
        try {
            signInAndOpen("/console/gateway-keys.xhtml", "admin", ADMIN_PASSWORD);
            assertThat(row(name).locator(".allowed-models")).hasText("every model");

            row(name).locator("button[id$=':edit']").click();
            assertThat(byId("keyForm:name")).hasValue(name);
            assertThat(byId("keyForm:name")).isDisabled();
            pickModels("sdxl", "flux-pro");
            byId("keyForm:outputTokensPerMinute").fill("-5");
            byId("keyForm:save").click();
            assertThat(byId("keyForm:outputTokensPerMinuteMessage")).containsText("must be >= 0");
            byId("keyForm:outputTokensPerMinute").fill("900");
            byId("keyForm:save").click();
            assertThat(byId("keyForm:name")).isHidden();
            assertThat(row(name).locator(".allowed-models")).hasText("flux-pro, sdxl");
            assertThat(row(name).locator(".limits")).containsText("900 output tokens");

            assertThat(clickAndAnswer(row(name).locator("button[id$=':revoke']"), false))
                    .contains("get 401");
            assertThat(row(name).locator(".status-tag")).hasText("active");
            assertThat(KeysApi.gatewayModels(issued.getString("token")).statusCode())
                    .isEqualTo(200);

            clickAndAnswer(row(name).locator("button[id$=':revoke']"), true);
            assertThat(row(name).locator(".status-tag")).hasText("revoked");
            assertThat(KeysApi.gatewayModels(issued.getString("token")).statusCode())
                    .isEqualTo(401);

            clickAndAnswer(row(name).locator("button[id$=':delete']"), true);
            assertThat(row(name)).hasCount(0);
            assertThat(KeysApi.named(name)).isNull();
        } finally {
            KeysApi.removeQuietly(name);
        }
    }

    @Test
    void should_give_a_key_a_new_token_shown_once_after_a_confirmation() {
        String name = UsersApi.unique("it-console-rotate");
        JsonObject issued = KeysApi.issue(name);
        try {
            signInAndOpen("/console/gateway-keys.xhtml", "admin", ADMIN_PASSWORD);

            assertThat(clickAndAnswer(row(name).locator("button[id$=':regenerate']"), true))
                    .contains("stops working");

            Locator token = byId("tokenForm:token");
            assertThat(token).isVisible();
            String fresh = token.inputValue();
            assertThat(fresh).startsWith("llmk_").isNotEqualTo(issued.getString("token"));
            assertThat(KeysApi.gatewayModels(fresh).statusCode()).isEqualTo(200);
            assertThat(KeysApi.gatewayModels(issued.getString("token")).statusCode())
                    .isEqualTo(401);
            byId("tokenForm:done").click();
            assertThat(token).hasCount(0);
            assertThat(page.content()).doesNotContain(fresh);
        } finally {
            KeysApi.removeQuietly(name);
        }
    }

    @Test
    void should_show_a_viewer_the_keys_without_any_way_to_change_them() {
        String viewer = UsersApi.unique("it-keys-viewer");
        String name = UsersApi.unique("it-console-seen");
        UsersApi.createViewer(viewer);
        KeysApi.issue(name);
        try {
            signInAndOpen("/console/gateway-keys.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            assertThat(row(name).locator(".status-tag")).hasText("active");
            assertThat(byId("keysForm:issue")).hasCount(0);
            assertThat(row(name).locator("button")).hasCount(0);
            assertThat(byId("keyDialog")).hasCount(0);
            assertThat(byId("keysForm:viewerNote")).containsText("Only admins");
        } finally {
            KeysApi.removeQuietly(name);
            UsersApi.delete(viewer);
        }
    }
}
