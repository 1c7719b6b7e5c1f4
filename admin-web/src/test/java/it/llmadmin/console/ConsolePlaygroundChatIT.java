package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playground as a conversation, in Chromium against an OpenAI-compatible stub provider, for an admin (no key) and
 * a viewer (a gateway key): every turn sends the system prompt, the earlier turns and the new message with the
 * temperature and max tokens given, as the stub receives them; each turn shows its own answer, tokens, latency and
 * limits; "New conversation" starts again from the system prompt alone. A temperature or max tokens outside the
 * model's registry ranges is said on its field and nothing is sent; when the ranges changed after the page was opened,
 * the gateway's refusal lands on the field the same way. axe-core finds no serious or critical violation on the page
 * with a conversation and a field message on it.
 */
class ConsolePlaygroundChatIT extends ConsoleTest {

    private static final String SYSTEM = "You answer like a pirate.";

    private PlaygroundProvider provider;
    private final List<String> models = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void startProvider() throws IOException {
        provider = new PlaygroundProvider();
        provider.release();
        AxeScan.inject(context);
    }

    @AfterEach
    void cleanUp() {
        models.forEach(ModelsApi::deleteQuietly);
        keys.forEach(KeysApi::removeQuietly);
        provider.close();
    }

    /** A chat model on the stub taking temperatures 0 to 1.2 and at most 1000 tokens of answer. */
    private String chatModel(String prefix) {
        String id = UsersApi.unique(prefix);
        ModelsApi.createOn(id, "chat", "other", provider.apiBase(), "{}");
        models.add(id);
        assertThat(ModelsApi.patch(id, "{\"parameters\":{\"temperatureMax\":1.2,\"maxTokens\":1000}}"))
                .isEqualTo(200);
        return id;
    }

    private void say(String message) {
        byId("prompt").fill(message);
        byId("send").click();
    }

    private Locator turns() {
        return page.locator("#conversation > li.turn");
    }

    private Locator turn(int index, String part) {
        return turns().nth(index).locator("." + part);
    }

    /**
     * Waits until the turn's answer is whole: up to a minute, as a navigation may take, since the first call of a
     * freshly started server (the provider's client built, its classes loaded) took longer than 15 s on two busy cores.
     */
    private void answered(int index) {
        assertThat(turns().nth(index))
                .hasAttribute("data-state", "done", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(turn(index, "answer")).hasText(PlaygroundProvider.ANSWER);
    }

    /** The messages of the stub's nth chat request, each as {@code role: content}. */
    private List<String> sent(int request) {
        JsonArray messages = provider.requests.get(request).getJsonArray("messages");
        return messages.stream()
                .map(message -> message.asJsonObject().getString("role") + ": "
                        + message.asJsonObject().getString("content"))
                .toList();
    }

    @Test
    void should_send_the_system_prompt_earlier_turns_and_checked_parameters_with_each_turn_as_an_admin() {
        String chat = chatModel("it-pgc-admin");
        signInAndOpen("/console/playground.xhtml?model=" + chat, "admin", ADMIN_PASSWORD);
        assertThat(byId("emptyConversation")).isVisible();
        assertThat(byId("temperatureHint")).containsText("0 to 1.2");
        assertThat(byId("maxTokensHint")).containsText("1 to 1000");

        byId("systemPrompt").fill(SYSTEM);
        byId("temperature").fill("1.5");
        byId("maxTokens").fill("lots");
        say("First question");
        assertThat(byId("temperatureMessage")).hasText("Temperature must be between 0 and 1.2 for this model.");
        assertThat(byId("temperature")).hasAttribute("aria-invalid", "true");
        assertThat(byId("maxTokensMessage")).hasText("Max tokens must be a whole number of at least 1.");
        assertThat(turns()).hasCount(0);
        assertThat(byId("prompt")).hasValue("First question");

        byId("temperature").fill("0.3");
        byId("maxTokens").fill("1001");
        byId("send").click();
        assertThat(byId("temperatureMessage")).isEmpty();
        assertThat(byId("maxTokensMessage")).hasText("Max tokens must be between 1 and 1000 for this model.");
        assertThat(turns()).hasCount(0);
        assertThat(provider.requests).isEmpty();

        byId("maxTokens").fill("200");
        byId("send").click();
        answered(0);
        assertThat(byId("maxTokensMessage")).isEmpty();
        assertThat(byId("emptyConversation")).isHidden();
        assertThat(turn(0, "user-text")).hasText("First question");
        assertThat(turn(0, "tokens-in")).hasText(Integer.toString(PlaygroundProvider.PROMPT_TOKENS));
        assertThat(turn(0, "latency")).containsText("ms");
        assertThat(turn(0, "served-by")).hasText(chat);
        assertThat(turn(0, "model-limits")).hasText("requests=none, input-tokens=none, output-tokens=none");
        assertThat(sent(0)).containsExactly("system: " + SYSTEM, "user: First question");
        JsonObject first = provider.requests.get(0);
        assertThat(first.getJsonNumber("temperature").doubleValue()).isEqualTo(0.3);
        assertThat(first.getInt("max_tokens", first.getInt("max_completion_tokens", -1)))
                .isEqualTo(200);

        say("Second question");
        answered(1);
        assertThat(turns()).hasCount(2);
        assertThat(turn(0, "answer")).hasText(PlaygroundProvider.ANSWER);
        assertThat(turn(1, "user-text")).hasText("Second question");
        assertThat(sent(1))
                .containsExactly(
                        "system: " + SYSTEM,
                        "user: First question",
                        "assistant: " + PlaygroundProvider.ANSWER,
                        "user: Second question");
        assertThat(provider.requests.get(1).getJsonNumber("temperature").doubleValue())
                .isEqualTo(0.3);

        // Another admin narrows the range after the page was opened: the gateway refuses, and says so on the field.
        assertThat(ModelsApi.patch(chat, "{\"parameters\":{\"temperatureMax\":0.2}}"))
                .isEqualTo(200);
        say("Third question");
        assertThat(byId("temperatureMessage")).containsText("temperature must be between 0 and 0.2");
        assertThat(turns()).hasCount(2);
        assertThat(byId("prompt")).hasValue("Third question");
        assertThat(provider.requests).hasSize(2);
        assertThat(AxeScan.violations(page, "playground with a conversation and a field message"))
                .isEmpty();

        byId("newConversation").click();
        assertThat(turns()).hasCount(0);
        assertThat(byId("emptyConversation")).isVisible();
        assertThat(byId("temperatureMessage")).isEmpty();
        byId("temperature").fill("");
        say("A fresh start");
        answered(0);
        assertThat(turns()).hasCount(1);
        assertThat(sent(2)).containsExactly("system: " + SYSTEM, "user: A fresh start");
        assertThat(provider.requests.get(2).containsKey("temperature")).isFalse();
    }

    @Test
    void should_hold_a_conversation_through_a_gateway_key_as_a_viewer() {
        String chat = chatModel("it-pgc-viewer");
        String keyName = UsersApi.unique("it-pgc-key");
        JsonObject key = KeysApi.issue(keyName, "{\"requestsPerMinute\":5}");
        keys.add(keyName);
        String viewer = UsersApi.unique("it-pgc-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/playground.xhtml?model=" + chat, viewer, UsersApi.VIEWER_PASSWORD);
            byId("gatewayKey").fill(key.getString("token"));
            byId("systemPrompt").fill(SYSTEM);
            byId("temperature").fill("2");
            say("Ahoy?");
            assertThat(byId("temperatureMessage")).hasText("Temperature must be between 0 and 1.2 for this model.");
            assertThat(turns()).hasCount(0);

            byId("temperature").fill("0,9");
            byId("send").click();
            answered(0);
            assertThat(turn(0, "key-limits")).hasText("requests=5/min, input-tokens=none, output-tokens=none");
            say("And then?");
            answered(1);
            assertThat(turn(1, "tokens-out")).hasText(Integer.toString(PlaygroundProvider.COMPLETION_TOKENS));

            assertThat(sent(0)).containsExactly("system: " + SYSTEM, "user: Ahoy?");
            assertThat(sent(1))
                    .containsExactly(
                            "system: " + SYSTEM,
                            "user: Ahoy?",
                            "assistant: " + PlaygroundProvider.ANSWER,
                            "user: And then?");
            assertThat(provider.requests.get(1).getJsonNumber("temperature").doubleValue())
                    .isEqualTo(0.9);
            assertThat(page.content()).doesNotContain(key.getString("token"));
            assertThat(AxeScan.violations(page, "playground with a viewer's conversation"))
                    .isEmpty();
        } finally {
            UsersApi.delete(viewer);
        }
    }
}
