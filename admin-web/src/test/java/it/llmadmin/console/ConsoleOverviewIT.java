package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's overview and the way into it from the start page. */
class ConsoleOverviewIT extends ConsoleTest {

    private Locator count(String type, String column) {
        return page.locator("[id='modelCounts'] tr.type-" + type + " ." + column);
    }

    @Test
    void should_count_the_seeded_three_chat_and_four_image_models_as_active() {
        page.navigate(url("/"));
        page.getByText("The console").click();
        submitSignIn("admin", ADMIN_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/console/index\\.xhtml$"));
        assertThat(page).hasTitle("Overview - llm-admin");
        assertThat(count("chat", "active")).hasText("3");
        assertThat(count("image", "active")).hasText("4");
        assertThat(count("embedding", "active")).hasText("0");
        assertThat(count("speech", "active")).hasText("0");
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
