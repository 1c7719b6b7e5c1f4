package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.llmadmin.services.testsupport.Eventually;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playground in Chromium against an OpenAI-compatible stub provider: the answer streams into the page (seen in
 * part while the stub holds the rest back), the reasoning apart from it, tokens, latency and the limits that applied;
 * the call is recorded as usage like any gateway call (the API and the usage page show it); the embeddings try-out shows the vector's dimension and first
 * values; refusals (rate limited, inactive model, no credential, no key for a viewer) are plain messages, and the
 * refused message is back in its field, not in the conversation. The conversation itself (system prompt, earlier
 * turns, temperature and max tokens) is {@link ConsolePlaygroundChatIT}'s.
 */
class ConsolePlaygroundIT extends ConsoleTest {

    private PlaygroundProvider provider;
    private final List<String> models = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void startProvider() throws Exception {
        provider = new PlaygroundProvider();
    }

    @AfterEach
    void cleanUp() {
        models.forEach(ModelsApi::deleteQuietly);
        keys.forEach(KeysApi::removeQuietly);
        provider.close();
    }

    private String model(String prefix, String type, String providerName, String limitsJson) {
        String id = UsersApi.unique(prefix);
        ModelsApi.createOn(id, type, providerName, provider.apiBase(), limitsJson);
        models.add(id);
        return id;
    }

    private void send() {
        byId("send").click();
    }

    /** Writes a message and sends it (a sent message leaves the field empty for the next one). */
    private void say(String message) {
        byId("prompt").fill(message);
        send();
    }

    private Locator turns() {
        return page.locator("#conversation > li.turn");
    }

    /** A part of the conversation's last turn, by its class. */
    private Locator last(String part) {
        return turns().last().locator("." + part);
    }

    @Test
    void should_stream_the_answer_with_its_reasoning_apart_record_the_usage_and_try_embeddings_as_an_admin()
            throws Exception {
        String chat = model("it-pg-chat", "chat", "other", "{\"requestsPerMinute\":60,\"outputTokensPerMinute\":9000}");
        String embedding = model("it-pg-embed", "embedding", "other", "{}");

        signInAndOpen("/console/playground.xhtml?model=" + chat, "admin", ADMIN_PASSWORD);
        assertThat(byId("menuPlayground")).hasAttribute("aria-current", "page");
        assertThat(byId("chatModel")).hasValue(chat);
        say("Hello, who are you?");

        // The stub holds the rest of the answer back: what is on the page now arrived token by token.
        assertThat(last("answer")).hasText(PlaygroundProvider.BEFORE_HOLD);
        assertThat(turns().last()).hasAttribute("data-state", "streaming");
        assertThat(last("user-text")).hasText("Hello, who are you?");
        assertThat(last("reasoning-text")).hasText(String.join("", PlaygroundProvider.REASONING));
        assertThat(last("reasoning")).isVisible();
        assertThat(byId("send")).isDisabled();
        provider.release();

        assertThat(turns().last()).hasAttribute("data-state", "done");
        assertThat(last("answer")).hasText(PlaygroundProvider.ANSWER);
        assertThat(last("answer")).not().containsText("greets");
        assertThat(last("tokens-in")).hasText(Integer.toString(PlaygroundProvider.PROMPT_TOKENS));
        assertThat(last("tokens-out")).hasText(Integer.toString(PlaygroundProvider.COMPLETION_TOKENS));
        assertThat(last("latency")).containsText("ms");
        assertThat(last("served-by")).hasText(chat);
        assertThat(last("model-limits")).hasText("requests=60/min, input-tokens=none, output-tokens=9000/min");
        assertThat(last("key-limits")).hasText("no key");
        assertThat(byId("chatError")).isEmpty();
        assertThat(byId("prompt")).hasValue("");
        assertThat(provider.requests.get(0).getBoolean("stream")).isTrue();

        JsonObject usage = awaitUsage(chat);
        assertThat(usage).as("usage of " + chat).isNotNull();
        assertThat(usage.getJsonNumber("calls").longValue()).isEqualTo(1);
        assertThat(usage.getJsonNumber("tokensIn").longValue()).isEqualTo(PlaygroundProvider.PROMPT_TOKENS);
        assertThat(usage.getJsonNumber("tokensOut").longValue()).isEqualTo(PlaygroundProvider.COMPLETION_TOKENS);
        assertThat(usage.getJsonObject("callsByOutcome")
                        .getJsonNumber("SUCCESS")
                        .longValue())
                .isEqualTo(1);
        // The usage page shows the playground's call as the console's, like any call of the model.
        page.navigate(url("/console/usage.xhtml?model=" + chat));
        assertThat(byId("perModel")).containsText(chat);
        assertThat(page.locator("[id='logForm:calls'] tr.call-row")).hasCount(1);
        assertThat(byId("logForm:calls")).containsText("console:admin");
        page.navigate(url("/console/playground.xhtml"));

        byId("embeddingModel").selectOption(embedding);
        byId("embeddingText").fill("The quick brown fox");
        byId("embed").click();
        assertThat(byId("dimensions")).hasText("8");
        assertThat(byId("firstValues")).hasText("0.5000, -0.2500, 0.1250, 1.0000, 2.0000");
        assertThat(byId("embeddingTokens")).hasText("4");
        assertThat(byId("embeddingError")).isEmpty();
    }

    @Test
    void should_say_plainly_when_a_model_is_rate_limited_inactive_or_has_no_credential() {
        provider.release();
        String limited = model("it-pg-limited", "chat", "other", "{\"requestsPerMinute\":1}");
        String retired = model("it-pg-retired", "chat", "other", "{}");
        String keyless = model("it-pg-keyless", "chat", "openai", "{}");

        signInAndOpen("/console/playground.xhtml?model=" + limited, "admin", ADMIN_PASSWORD);
        send();
        assertThat(turns().last()).hasAttribute("data-state", "done");
        assertThat(last("answer")).hasText(PlaygroundProvider.ANSWER);
        say("Once more");
        assertThat(byId("chatError")).containsText("Rate limited: ");
        // A refused message is not part of the conversation: it is back in its field, to be sent again.
        assertThat(turns()).hasCount(1);
        assertThat(byId("prompt")).hasValue("Once more");
        assertThat(byId("send")).isEnabled();

        assertThat(ModelsApi.deactivate(retired)).isEqualTo(200);
        byId("chatModel").selectOption(retired);
        send();
        assertThat(byId("chatError"))
                .hasText("Not available: The model '" + retired + "' does not exist or you do not have access to it.");

        byId("chatModel").selectOption(keyless);
        send();
        assertThat(turns()).hasCount(1);
        assertThat(byId("chatError")).containsText("no provider key");
        assertThat(byId("chatError")).not().containsText("Exception");

        // The console's calls ride on the session: without the page's header they are refused.
        Object status = page.evaluate("async () => (await fetch('" + url("/console/api/playground/chat/completions")
                + "', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})).status");
        assertThat(status).isEqualTo(403);
    }

    @Test
    void should_let_a_viewer_try_a_model_only_with_a_gateway_key_whose_limits_apply() {
        provider.release();
        String chat = model("it-pg-viewer", "chat", "other", "{}");
        String keyName = UsersApi.unique("it-pg-key");
        JsonObject key = KeysApi.issue(keyName, "{\"requestsPerMinute\":1}");
        keys.add(keyName);
        String viewer = UsersApi.unique("it-pg-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/playground.xhtml?model=" + chat, viewer, UsersApi.VIEWER_PASSWORD);
            send();
            assertThat(byId("chatError")).hasText("No credential: paste a gateway key to try a model.");
            Object status = page.evaluate("async () => (await fetch('"
                    + url("/console/api/playground/chat/completions")
                    + "', {method: 'POST', headers: {'Content-Type': 'application/json',"
                    + " 'X-LLM-Admin-Playground': '1'}, body: JSON.stringify({model: '" + chat
                    + "', messages: [{role: 'user', content: 'hi'}]})})).status");
            assertThat(status).isEqualTo(403);

            byId("gatewayKey").fill(key.getString("token"));
            send();
            assertThat(turns().last()).hasAttribute("data-state", "done");
            assertThat(last("answer")).hasText(PlaygroundProvider.ANSWER);
            assertThat(last("key-limits")).hasText("requests=1/min, input-tokens=none, output-tokens=none");
            assertThat(page.content()).doesNotContain(key.getString("token"));

            say("And again?");
            assertThat(byId("chatError")).containsText("Rate limited: ");
        } finally {
            UsersApi.delete(viewer);
        }
    }

    /** The model's usage once the batched writer has caught up with the one call. */
    private static JsonObject awaitUsage(String model) throws InterruptedException {
        return Eventually.polled(
                "a call of " + model + " in usage",
                () -> ModelsApi.usageOf(model),
                usage -> usage != null && usage.getJsonNumber("calls").longValue() >= 1);
    }
}
