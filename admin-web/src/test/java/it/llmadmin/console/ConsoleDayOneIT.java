package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ItSecrets;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12's "done when": a new admin does the seventeen day-one tasks in order, from the sign-in page, by clicks and
 * typing in the console alone (only the provider, the outside world, is a local stub): sign in; add a credential; add
 * a chat model on it with a fallback and a price; issue a gateway key for it; try it in the playground; see the call
 * on the usage page and in the request log; read the model's creation and its diff in the audit log and through the
 * model's History link; create a user, change its role, reset its password; change one's own password and sign in
 * with it; import a Django fixture (preview, import, report); deactivate with confirmation and undo; delete a model
 * with confirmation. axe-core scans every page on the way. Last, an application calls the gateway with the key.
 */
class ConsoleDayOneIT extends ConsoleTest {

    private static final String MY_NEW_PASSWORD = "day-one-admin-password-2";
    private static final String USER_PASSWORD = "day-one-user-password";
    private static final LocatorAssertions.ContainsTextOptions SLOW_CALL =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    private PlaygroundProvider provider;
    private final List<String> violations = new ArrayList<>();
    private final String credential = UsersApi.unique("day-one-cred");
    private final String model = UsersApi.unique("day-one-chat");
    private final String keyName = UsersApi.unique("day-one-app");
    private final String user = UsersApi.unique("day-one-user");
    private final String imported = UsersApi.unique("day-one-import");

    @BeforeEach
    void startTheOutsideWorld() throws IOException {
        provider = new PlaygroundProvider();
        provider.release();
        AxeScan.inject(context);
        context.grantPermissions(
                List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(url("/").replaceAll("/$", "")));
    }

    @AfterEach
    void cleanUp() {
        // Whatever step failed, the next IT finds the admin's password and the catalog as they were.
        send(HttpRequest.newBuilder(uri("/api/admin/users/admin/password"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", UsersApi.basic("admin", MY_NEW_PASSWORD))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build());
        KeysApi.removeQuietly(keyName);
        ModelsApi.deleteQuietly(model);
        ModelsApi.deleteQuietly(imported);
        UsersApi.delete(user);
        ConsoleCredentialsIT.deleteQuietly(credential);
        provider.close();
    }

    @Test
    void should_let_a_new_admin_do_the_seventeen_day_one_tasks_in_the_console() {
        signIn();
        addCredential();
        addModel();
        String token = issueKey();
        tryInThePlayground();
        seeUsageAndRequestLog();
        readTheAudit();
        manageAUser();
        changeMyPassword();
        importFromDjango();
        deactivateAndUndo();
        deleteTheImportedModel();
        assertThat(violations).as("axe-core's serious and critical violations").isEmpty();

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(PlaygroundProvider.ANSWER);
        assertThat(answer.headers().firstValue("x-ratelimit-limit-requests")).hasValue("60");
    }

    /** Opens a page from the menu, as a person does, and scans it. */
    private void openFromMenu(String menuId, String path) {
        byId(menuId).click();
        assertThat(page).hasURL(Pattern.compile(".*" + path.replace(".", "\\.") + ".*"));
        assertThat(byId(menuId)).hasAttribute("aria-current", "page");
        scan(path);
    }

    private void scan(String where) {
        violations.addAll(AxeScan.violations(page, where));
    }

    private void signIn() {
        page.navigate(url("/console/index.xhtml"));
        scan("sign-in page");
        submitSignIn("admin", ADMIN_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));
        assertThat(byId("account:user")).hasText("admin");
        scan("overview");
    }

    private void addCredential() {
        openFromMenu("menuCredentials", "/console/credentials.xhtml");
        byId("credentialsForm:name").fill(credential);
        byId("credentialsForm:provider_input").selectOption("other", new Locator.SelectOptionOptions().setForce(true));
        byId("credentialsForm:baseUrl").fill(provider.apiBase());
        byId("credentialsForm:secret").fill(ItSecrets.CONSOLE_PROVIDER_SECRET);
        byId("credentialsForm:create").click();
        assertThat(byId("credentialsForm:messages")).containsText("Created other/" + credential);
        assertThat(page.locator("[id='credentialsForm:credentials_data'] > tr[class~='credential-" + credential + "']")
                        .locator(".endpoint"))
                .hasText(provider.apiBase());
    }

    private void addModel() {
        openFromMenu("menuModels", "/console/models.xhtml");
        byId("modelsForm:newModel").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml$"));
        scan("new model");
        byId("modelForm:catalogId").fill(model);
        byId("modelForm:provider_input").selectOption("other", new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:providerModelName").fill("stub-model");
        byId("modelForm:displayName").fill("Day one chat");
        byId("modelForm:apiBase").fill(provider.apiBase());
        byId("modelForm:credential_input")
                .selectOption(
                        new SelectOption().setLabel("other/" + credential + " (" + provider.apiBase() + ")"),
                        new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:requestsPerMinute").fill("60");
        byId("modelForm:fallbackChoice_input")
                .selectOption("gemini-1.5-flash", new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:addFallback").click();
        assertThat(page.locator(".fallback-list .fallback-id")).hasText(new String[] {"gemini-1.5-flash"});
        byId("modelForm:save").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?.*saved=" + model + ".*"));
        assertThat(byId("modelsForm:messages")).containsText("Saved " + model);

        modelRow(model).locator("[id$=':edit']").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml\\?id=" + model + "$"));
        byId("priceForm:currency").fill("USD");
        byId("priceForm:inputPerMillion").fill("0.5");
        byId("priceForm:outputPerMillion").fill("1.5");
        byId("priceForm:addPrice").click();
        assertThat(byId("priceForm:priceMessages")).containsText("Price saved");
        byId("modelForm:test").click();
        // The first provider call of a fresh server loads much of the gateway: on a loaded machine, more than 15 s.
        assertThat(byId("modelForm:messages")).containsText("Test: The model answered", SLOW_CALL);
        scan("model page");
    }

    private Locator modelRow(String id) {
        return page.locator("[id='modelsForm:models_data'] > tr[class~='model-" + id + "']");
    }

    private String issueKey() {
        openFromMenu("menuGatewayKeys", "/console/gateway-keys.xhtml");
        byId("keysForm:issue").click();
        assertThat(byId("keyForm:name")).isVisible();
        byId("keyForm:name").fill(keyName);
        byId("keyForm:allowedModels").click();
        page.waitForFunction(
                "id => { const panel = document.getElementById(id);"
                        + " return panel && getComputedStyle(panel).opacity === '1'"
                        + " && getComputedStyle(panel).display !== 'none'; }",
                "keyForm:allowedModels_panel");
        page.locator("[id='keyForm:allowedModels_panel'] li[data-item-value='" + model + "'] .ui-chkbox-box")
                .click();
        page.keyboard().press("Escape");
        byId("keyForm:save").click();

        Locator token = byId("tokenForm:token");
        assertThat(token).isVisible();
        String shown = token.inputValue();
        assertThat(shown).startsWith("llmk_");
        ItSecrets.issuedToken(shown);
        scan("issued token");
        byId("tokenForm:copy").click();
        assertThat(byId("tokenForm:copied")).hasText("Copied to the clipboard.");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(shown);
        byId("tokenForm:done").click();
        assertThat(token).hasCount(0);
        assertThat(page.content()).doesNotContain(shown);
        assertThat(page.locator("[id='keysForm:keys_data'] > tr[class~='key-" + keyName + "'] .allowed-models"))
                .hasText(model);
        return shown;
    }

    private void tryInThePlayground() {
        openFromMenu("menuPlayground", "/console/playground.xhtml");
        byId("chatModel").selectOption(model);
        byId("prompt").fill("Hello from day one");
        byId("send").click();
        Locator turn = page.locator("#conversation > li.turn").last();
        assertThat(turn)
                .hasAttribute("data-state", "done", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(byId("chatError")).isEmpty();
        assertThat(turn.locator(".answer")).hasText(PlaygroundProvider.ANSWER);
        assertThat(turn.locator(".tokens-in")).hasText(Integer.toString(PlaygroundProvider.PROMPT_TOKENS));
        assertThat(turn.locator(".tokens-out")).hasText(Integer.toString(PlaygroundProvider.COMPLETION_TOKENS));
        assertThat(turn.locator(".latency")).containsText("ms");
        assertThat(turn.locator(".model-limits")).containsText("requests=60/min");
        // What the model's window had left once this call was admitted (the model page's Test may have taken one).
        assertThat(turn.locator(".remaining")).hasText(Pattern.compile("^5[89] requests$"));
        scan("playground after a turn");
    }

    private void seeUsageAndRequestLog() {
        openFromMenu("menuUsage", "/console/usage.xhtml");
        byId("usageFilters:model").fill(model);
        Locator calls = page.locator("[id='logForm:calls'] tr.call-row");
        // The usage writer batches its rows: filter again, as a person would press it again, until the call is there.
        Eventually.until("the playground's call on the usage page", () -> {
            byId("usageFilters:filter").click();
            page.waitForLoadState();
            return calls.filter(new Locator.FilterOptions().setHasText("console:admin"))
                            .count()
                    >= 1;
        });
        assertThat(page).hasURL(Pattern.compile(".*model=" + model + ".*"));
        assertThat(byId("perModel")).containsText(model);
        assertThat(byId("logForm:calls"))
                .containsText(PlaygroundProvider.PROMPT_TOKENS + " / " + PlaygroundProvider.COMPLETION_TOKENS);
        scan("usage");
    }

    private void readTheAudit() {
        openFromMenu("menuAudit", "/console/audit.xhtml");
        choose("auditFilters:entityType", "Model");
        byId("auditFilters:entityId").fill(model);
        byId("auditFilters:filter").click();
        assertThat(page).hasURL(Pattern.compile(".*entityId=" + model + ".*"));
        Locator creation = page.locator("[id='auditForm:events_data'] > tr.event-row")
                .filter(new Locator.FilterOptions().setHasText("CREATE"));
        assertThat(creation).hasCount(1);
        assertThat(creation).containsText("admin");
        creation.locator(".ui-row-toggler").click();
        Locator displayName =
                page.locator(".diff-table tr").filter(new Locator.FilterOptions().setHasText("displayName"));
        assertThat(displayName.locator(".after")).containsText("Day one chat");
        scan("audit with a diff");

        byId("menuModels").click();
        byId("modelsForm:textFilter").pressSequentially(model);
        assertThat(page.locator("[id='modelsForm:models_data'] code.catalog-id"))
                .hasText(new String[] {model});
        modelRow(model).locator("[id$=':history']").click();
        assertThat(page.locator("h1")).hasText("History of model " + model);
        assertThat(page.locator("[id='auditForm:events_data'] > tr.event-row .action"))
                .containsText(new String[] {"CREATE"});
        scan("model history");
    }

    private void manageAUser() {
        openFromMenu("menuUsers", "/console/admin/users.xhtml");
        byId("newUserForm:username").fill(user);
        byId("newUserForm:password").fill(UsersApi.VIEWER_PASSWORD);
        byId("newUserForm:create").click();
        Locator row = page.locator("[id='usersForm:users_data'] > tr[class~='user-" + user + "']");
        assertThat(row.locator(".role-tag")).hasText("viewer");
        row.locator("button[id$=':makeAdmin']").click();
        assertThat(row.locator(".role-tag")).hasText("admin");
        row.locator("button[id$=':makeViewer']").click();
        assertThat(row.locator(".role-tag")).hasText("viewer");
        row.locator("button[id$=':resetPassword']").click();
        assertThat(byId("resetUser")).hasText(user);
        scan("reset password form");
        byId("resetForm:resetPassword").fill(USER_PASSWORD);
        byId("resetForm:save").click();
        assertThat(byId("usersForm:messages")).containsText("Set a new password for " + user);
        assertThat(UsersApi.get("/api/admin/me", UsersApi.basic(user, USER_PASSWORD), null)
                        .statusCode())
                .isEqualTo(200);
    }

    private void changeMyPassword() {
        byId("account:changePassword").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/account\\.xhtml$"));
        scan("account");
        byId("passwordForm:currentPassword").fill(ADMIN_PASSWORD);
        byId("passwordForm:newPassword").fill(MY_NEW_PASSWORD);
        byId("passwordForm:repeatedPassword").fill(MY_NEW_PASSWORD);
        byId("passwordForm:change").click();
        assertThat(byId("passwordForm:messages")).containsText("Your password was changed");

        byId("account:signOut").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\.xhtml.*"));
        submitSignIn("admin", ADMIN_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\.xhtml.*"));
        submitSignIn("admin", MY_NEW_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/console/.*"));
        assertThat(byId("account:user")).hasText("admin");
    }

    private void importFromDjango() {
        openFromMenu("menuImport", "/console/import.xhtml");
        page.locator("[id='importForm'] input[type=file]")
                .setInputFiles(new FilePayload("dumpdata.json", "application/json", ConsoleImportIT.fixture(imported)));
        byId("importForm:preview").click();
        assertThat(byId("planSummary")).containsText("DRY_RUN");
        assertThat(byId("importForm:planRows")).containsText(imported);
        assertThat(byId("importForm:planRows")).containsText("CREATE");
        assertThat(byId("importForm:planRows")).containsText("unknown provider 'not-a-provider'");
        scan("import preview");
        byId("importForm:import").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/import\\.xhtml\\?task=.*"));
        assertThat(byId("taskState"))
                .hasAttribute("data-state", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(byId("taskSummary")).containsText("COMMITTED");
        page.locator("[id='historyForm:runs'] .show-report").first().click();
        assertThat(byId("historyForm:reportRows")).containsText(imported);
        scan("import report");
    }

    private void deactivateAndUndo() {
        openFromMenu("menuModels", "/console/models.xhtml");
        byId("modelsForm:textFilter").pressSequentially(model);
        assertThat(modelRow(model).locator(".active-tag")).hasText("active");
        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("Deactivate " + model + "?");
            dialog.accept();
        });
        modelRow(model).locator("button[id$=':deactivate']").click();
        assertThat(modelRow(model).locator(".active-tag")).hasText("inactive");
        assertThat(byId("modelsForm:undoPanel")).containsText(model + " is now hidden from clients");
        scan("models with undo");
        byId("modelsForm:undo").click();
        assertThat(modelRow(model).locator(".active-tag")).hasText("active");
        assertThat(byId("modelsForm:messages")).containsText("Undone: " + model + " is active again");
    }

    private void deleteTheImportedModel() {
        byId("modelsForm:textFilter").fill("");
        byId("modelsForm:textFilter").pressSequentially(imported);
        assertThat(page.locator("[id='modelsForm:models_data'] code.catalog-id"))
                .hasText(new String[] {imported});
        modelRow(imported).locator("[id$=':edit']").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml\\?id=" + imported + "$"));
        page.onceDialog(Dialog::dismiss);
        byId("modelForm:delete").click();
        assertThat(byId("modelForm:catalogId")).hasValue(imported);
        page.onceDialog(Dialog::accept);
        byId("modelForm:delete").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?deleted=" + imported + "$"));
        assertThat(byId("modelsForm:messages")).containsText("Deleted " + imported);
        assertThat(modelRow(imported)).hasCount(0);
    }
}
