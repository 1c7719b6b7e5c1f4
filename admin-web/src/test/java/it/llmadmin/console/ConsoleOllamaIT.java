package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.llmadmin.ollama.OllamaApi;
import it.llmadmin.ollama.OllamaStub;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local models page against an Ollama stub in this JVM: a pull started in the browser shows its progress bar,
 * which is still there (and moving on) after a reload, until the model is installed; then the model is registered
 * with one click and answers, streamed, in the playground (through the gateway's own resources, to Ollama's
 * {@code /api/chat}).
 */
class ConsoleOllamaIT extends ConsoleTest {

    private static final long GB = 1_000_000_000L;

    private OllamaStub ollama;
    private String registered;

    @BeforeEach
    void startOllama() throws Exception {
        ollama = new OllamaStub(150);
    }

    @AfterEach
    void stopOllama() {
        if (registered != null) {
            OllamaApi.deleteModelQuietly(registered);
        }
        ollama.close();
    }

    private Locator pullOf(String model) {
        return page.locator("#pullsForm\\:pulls .pull[data-model='" + model + "']");
    }

    @Test
    void should_keep_showing_a_pulls_progress_after_a_reload_then_register_the_model() {
        String name = OllamaApi.unique("console-it").toLowerCase() + ":3b";
        ollama.install(OllamaStub.model("already-there-it:1b", GB, "llama", 4096, "completion"));
        ollama.offer(OllamaStub.model(name, 2 * GB, "llama", 32768, "completion", "tools"));
        ollama.holdAtHalf(name);
        String path =
                "/console/admin/ollama.xhtml?endpoint=" + URLEncoder.encode(ollama.endpoint(), StandardCharsets.UTF_8);
        page.navigate(url(path));
        submitSignIn("admin", ADMIN_PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/console/admin/ollama\\.xhtml.*"));
        assertThat(page.locator("tr.model-already-there-it_1b .category")).hasText("small");

        byId("pullForm:name").fill(name);
        byId("pullForm:pull").click();

        Locator pull = pullOf(name);
        assertThat(pull).hasAttribute("data-status", "running");
        assertThat(pull).hasAttribute("data-percent", Pattern.compile("^(4|5)\\d$"));
        assertThat(pull.locator(".pull-bytes")).containsText("/ 2.0 GB");
        assertThat(pull.locator(".pull-text")).containsText("pulling ");

        page.reload();

        assertThat(pull).hasAttribute("data-status", "running");
        assertThat(pull).hasAttribute("data-percent", Pattern.compile("^(4|5)\\d$"));
        assertThat(pull.locator(".ui-progressbar")).isVisible();
        ollama.release(name);
        assertThat(pull).hasAttribute("data-status", "succeeded");
        assertThat(pull).hasAttribute("data-percent", "100");

        String rowClass = "tr.model-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
        assertThat(page.locator(rowClass + " .name")).hasText(name);
        page.locator(rowClass + " .register").click();
        registered = "ollama-" + name.replace(':', '-');
        assertThat(page.locator(rowClass + " .registered")).hasText(registered);

        page.locator(rowClass + " .try").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/playground\\.xhtml\\?model=" + registered + "$"));
        assertThat(byId("chatModel")).hasValue(registered);
        byId("prompt").fill("Hello?");
        byId("send").click();
        Locator turn = page.locator("#conversation > li.turn");
        assertThat(turn).hasAttribute("data-state", "done");
        assertThat(turn.locator(".answer")).hasText("Hello from local " + name);
        assertThat(turn.locator(".tokens-in")).hasText("26");
        assertThat(turn.locator(".tokens-out")).hasText("7");
        assertThat(ollama.chatRequests).anySatisfy(request -> {
            assertThat(request.getString("model")).isEqualTo(name);
            assertThat(request.getBoolean("stream", true)).isTrue();
        });
    }

    @Test
    void should_choose_the_smallest_fitting_model_and_say_why_when_asked_on_the_page() {
        int context = 600_000 + (int) (Math.random() * 90_000);
        ollama.install(OllamaStub.model("pick-tiny-it:1b", GB, "llama", context, "completion"));
        ollama.install(OllamaStub.model("pick-big-it:70b", 40 * GB, "llama", context, "completion"));
        String tiny = OllamaApi.unique("it-console-tiny");
        String big = OllamaApi.unique("it-console-big");
        OllamaApi.createOllamaModel(big, "pick-big-it:70b", ollama.endpoint(), context);
        OllamaApi.createOllamaModel(tiny, "pick-tiny-it:1b", ollama.endpoint(), context);
        try {
            page.navigate(url("/console/admin/ollama.xhtml"));
            submitSignIn("admin", ADMIN_PASSWORD);
            assertThat(page).hasURL(Pattern.compile(".*/console/admin/ollama\\.xhtml.*"));

            byId("pickForm:minContext").fill(Integer.toString(context));
            byId("pickForm:provider").fill("ollama");
            byId("pickForm:choose").click();
            assertThat(page.locator("#pickForm .explanation")).containsText("Chose " + tiny);
            assertThat(page.locator("#pickForm code.candidate")).hasText(new String[] {tiny, big});

            byId("pickForm:maxCategory").selectOption("small");
            byId("pickForm:vision").check();
            byId("pickForm:choose").click();
            assertThat(page.locator("#pickForm .no-model")).containsText("No suitable model");
        } finally {
            OllamaApi.deleteModelQuietly(tiny);
            OllamaApi.deleteModelQuietly(big);
        }
    }
}
