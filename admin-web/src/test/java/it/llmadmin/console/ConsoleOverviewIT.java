package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's overview and the way into it from the start page. */
class ConsoleOverviewIT extends ConsoleTest {

    private Locator count(String type, String column) {
        return page.locator("[id='modelCounts'] tr.type-" + type + " ." + column);
    }

    /**
     * How many active models of a type the frontend's API lists: the seeded three chat and four image models, and
     * whatever models other tests of the suite left active (the tests share one server).
     */
    private static String activeCount(String type) {
        try (JsonReader reader = Json.createReader(
                new StringReader(ServerUnderTest.get("/v1/models?type=" + type).body()))) {
            return String.valueOf(reader.readArray().size());
        }
    }

    @Test
    void should_count_the_active_models_of_each_type_as_the_frontend_lists_them() {
        page.navigate(url("/"));
        page.getByText("The console").click();
        submitSignIn("admin", ADMIN_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));
        assertThat(page).hasTitle("Overview - llm-admin");
        for (String type : new String[] {"chat", "image", "embedding", "speech"}) {
            assertThat(count(type, "active")).hasText(activeCount(type));
        }
        assertThat(page.locator(".ui-menu")).containsText("Overview");
        assertThat(page.locator(".ui-menu")).containsText("Migration");
    }

    @Test
    void should_go_to_the_migration_page_from_the_menu() {
        signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);

        page.locator(".ui-menu").getByText("Migration").click();

        assertThat(page).hasURL(Pattern.compile(".*/console/migration\\.xhtml$"));
        assertThat(page.locator("h1")).hasText("Migration");
    }
}
