package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/** A missing console page is a styled 404 inside the console's frame, with the menu to go on from. */
class ConsoleErrorPagesIT extends ConsoleTest {

    @Test
    void should_show_a_styled_404_inside_the_console_for_a_missing_page() {
        signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);

        Response answer = page.navigate(url("/console/no-such-page.xhtml"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headerValue("content-type")).startsWith("text/html");
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("[id='menuModels']")).isVisible();
        page.locator("[id='home']").click();
        assertThat(page.locator("h1")).not().hasText("Page not found");
    }
}
