package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import it.llmadmin.ServerUnderTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The migration page lists a legacy caller running inside the server (the test WAR's probe servlet) with its calls
 * and the last time it was seen, and counts a new call after Refresh. Not part of the deletion check's build, which
 * has no facade to call.
 */
class ConsoleLegacyCallsIT extends ConsoleTest {

    private static final String PROBE = "it.llmadmin.legacyprobe.LegacyCallerProbeServlet";

    private static void callProbe() {
        int status = ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/it-probe/legacy-caller?text=hi"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode();
        assertThat(status).isEqualTo(200);
    }

    private Locator probeRow() {
        return page.locator("[id='callsForm:callSites'] tbody tr")
                .filter(new Locator.FilterOptions().setHasText(PROBE));
    }

    @Test
    void should_list_the_legacy_caller_with_its_calls_and_count_a_new_call_after_refresh() {
        callProbe();
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);

        assertThat(byId("facadeHeadline")).containsText("still called");
        Locator row = probeRow();
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(0)).hasText("approximate_tokens");
        assertThat(row.locator("td").nth(3).textContent().trim())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+");
        long before = Long.parseLong(row.locator("td").nth(2).textContent().trim());
        assertThat(before).isPositive();

        callProbe();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Refresh"))
                .click();

        assertThat(probeRow().locator("td").nth(2)).hasText(Long.toString(before + 1));
    }
}
