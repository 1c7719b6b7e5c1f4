package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.llmadmin.ItSecrets;
import it.llmadmin.admin.BearerCheckingProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The issue's "tried as a new user would", in the console: create a credential for a local OpenAI-compatible server that
 * checks the bearer token, test it, attach it to a new model, press the model's Test, call the model through
 * {@code /openai/v1} with a gateway key; a model at another host with the same credential is refused with a message on
 * its api base; the secret is on no page. The gateway key is issued on the console's Gateway keys page too.
 */
class ConsoleCredentialsIT extends ConsoleTest {

    private static final String SECRET = ItSecrets.CONSOLE_PROVIDER_SECRET;

    private Locator row(String name) {
        return page.locator("[id='credentialsForm:credentials_data'] > tr[class~='credential-" + name + "']");
    }

    private void assertNoSecretOnThePage() {
        assertThat(page.content()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 20));
    }

    @Test
    void should_create_test_attach_and_call_a_credential_and_refuse_it_for_another_host() throws Exception {
        String name = UsersApi.unique("it-console-cred");
        String model = UsersApi.unique("it-console-credmodel");
        String stray = UsersApi.unique("it-console-stray");
        String keyName = UsersApi.unique("it-console-credkey");
        try (BearerCheckingProvider provider = new BearerCheckingProvider(SECRET);
                BearerCheckingProvider other = new BearerCheckingProvider(SECRET)) {
            signInAndOpen("/console/credentials.xhtml", "admin", ADMIN_PASSWORD);
            byId("credentialsForm:name").fill(name);
            byId("credentialsForm:provider_input")
                    .selectOption("other", new Locator.SelectOptionOptions().setForce(true));
            byId("credentialsForm:baseUrl").fill(provider.apiBase());
            byId("credentialsForm:secret").fill(SECRET);
            byId("credentialsForm:create").click();

            assertThat(byId("credentialsForm:messages")).containsText("Created other/" + name);
            assertThat(row(name).locator(".secrets")).hasText("****c0de");
            assertThat(row(name).locator(".endpoint")).hasText(provider.apiBase());
            assertNoSecretOnThePage();
            row(name).locator("button[id$=':test']").click();
            assertThat(byId("credentialsForm:messages")).containsText("accepted the credential");
            long credentialId = credentialId(name);

            page.navigate(url("/console/model.xhtml"));
            fillModel(model, provider.apiBase(), credentialId);
            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml.*"));
            assertThat(byId("modelsForm:messages")).containsText("Saved " + model);

            page.navigate(url("/console/model.xhtml?id=" + model));
            byId("modelForm:test").click();
            assertThat(byId("modelForm:messages")).containsText("Test: The model answered");
            assertNoSecretOnThePage();

            HttpResponse<String> answer = callGateway(issueKeyInTheConsole(keyName, model), model);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains(BearerCheckingProvider.ANSWER).doesNotContain(SECRET);
            assertThat(provider.authorizations).contains("Bearer " + SECRET);

            page.navigate(url("/console/model.xhtml"));
            fillModel(stray, other.apiBase(), credentialId);
            byId("modelForm:save").click();
            assertThat(byId("modelForm:apiBaseMessage")).containsText("its secret is only ever sent there");
            assertThat(page).hasURL(Pattern.compile(".*/console/model\\.xhtml.*"));
            assertThat(other.authorizations).isEmpty();

            page.navigate(url("/console/credentials.xhtml"));
            assertThat(row(name).locator(".used-by")).hasText(model);
            assertNoSecretOnThePage();
        } finally {
            KeysApi.removeQuietly(keyName);
            ModelsApi.deleteQuietly(model);
            ModelsApi.deleteQuietly(stray);
            deleteQuietly(name);
        }
    }

    /** Deletes the named credential through the admin API, if there is one. */
    static void deleteQuietly(String name) {
        Long id = credentialIdOrNull(name);
        if (id != null) {
            send(asAdmin("/api/admin/credentials/" + id).DELETE().build());
        }
    }

    private void fillModel(String id, String apiBase, long credentialId) {
        byId("modelForm:catalogId").fill(id);
        byId("modelForm:provider_input").selectOption("other", new Locator.SelectOptionOptions().setForce(true));
        byId("modelForm:providerModelName").fill("stub-model");
        byId("modelForm:displayName").fill("IT " + id);
        byId("modelForm:apiBase").fill(apiBase);
        byId("modelForm:credential_input")
                .selectOption(String.valueOf(credentialId), new Locator.SelectOptionOptions().setForce(true));
    }

    private static long credentialId(String name) {
        Long id = credentialIdOrNull(name);
        assertThat(id).as("credential %s is listed by the API", name).isNotNull();
        return id;
    }

    private static Long credentialIdOrNull(String name) {
        for (JsonValue value : Json.createReader(new StringReader(
                        send(asAdmin("/api/admin/credentials").GET().build()).body()))
                .readArray()) {
            JsonObject credential = value.asJsonObject();
            if (credential.getString("name").equals(name)) {
                return credential.getJsonNumber("id").longValue();
            }
        }
        return null;
    }

    /** Issues a gateway key for the model on the console's Gateway keys page, as the admin would: its token, shown once. */
    private String issueKeyInTheConsole(String name, String model) {
        page.navigate(url("/console/gateway-keys.xhtml"));
        byId("keysForm:issue").click();
        assertThat(byId("keyForm:name")).isVisible();
        byId("keyForm:name").fill(name);
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
        byId("tokenForm:done").click();
        return shown;
    }

    private static HttpResponse<String> callGateway(String token, String model) {
        return send(HttpRequest.newBuilder(uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build());
    }

    private static HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
