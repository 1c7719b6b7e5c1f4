package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The usage page through the running server: two priced calls through the gateway with a key show up in its charts
 * (Chart.js drawn from PrimeFaces' own bundle), in the tables beside them and in the request log; the period, the
 * grouping and the filters are URL parameters; a wrong parameter is said on the page, never a 500; a viewer reads
 * the same page. A model switched to log payloads in the model editor has each call's prompt and answer in the log.
 */
class ConsoleUsageIT extends PricedCallsTest {

    @Test
    void should_chart_and_list_the_keys_calls_and_keep_period_grouping_and_filters_in_the_url() {
        signInAndOpen("/console/usage.xhtml?key=" + calls.key, "admin", ADMIN_PASSWORD);
        assertThat(byId("menuUsage")).hasAttribute("aria-current", "page");

        assertThat(byId("perModel")).containsText(calls.model);
        assertThat(byId("perModel")).containsText("0.0146 USD");
        assertThat(byId("topKeys")).containsText(calls.key);
        assertThat(page.locator("[id='logForm:calls'] tr.call-row")).hasCount(2);
        assertThat(byId("logForm:calls")).containsText("13 / 6");
        assertThat(byId("logForm:calls")).containsText("1–2 of 2");
        // the model does not log payloads: no prompt or answer in its rows
        assertThat(page.locator("[id='logForm:calls'] details.payload")).hasCount(0);
        assertThat(byId("spendChart").locator("canvas")).hasAttribute("role", "img");
        // The chart is drawn by the bundled Chart.js, stacked by model: one series, the test's model.
        assertThat(chartSeries("spendChart")).isEqualTo(calls.model);
        assertThat(chartSeries("latencyChart")).isEqualTo("average ms,p95 ms");

        page.locator("[id='byKey']").click();
        assertThat(page).hasURL(Pattern.compile(".*by=key.*"));
        assertThat(page).hasURL(Pattern.compile(".*key=" + calls.key + ".*"));
        assertThat(byId("byKey")).hasAttribute("aria-current", "true");
        assertThat(chartSeries("tokensChart")).isEqualTo(calls.key);

        page.locator("[id='period30']").click();
        assertThat(page).hasURL(Pattern.compile(".*days=30.*by=key.*"));
        assertThat(byId("period30")).hasAttribute("aria-current", "true");
        assertThat(page.locator("[id='logForm:calls'] tr.call-row")).hasCount(2);
        // over 30 days the log's count and the stacked charts' series come from the daily rollups' reads
        assertThat(byId("logForm:calls")).containsText("1–2 of 2");
        assertThat(chartSeries("spendChart")).isEqualTo(calls.key);
        assertThat(byId("perDay")).containsText("0.0146 USD");

        // A filter no call matches: the log says so, the filters stay in the URL.
        choose("usageFilters:outcome", "RATE_LIMITED");
        byId("usageFilters:filter").click();
        assertThat(page).hasURL(Pattern.compile(".*outcome=RATE_LIMITED.*"));
        assertThat(byId("logForm:calls")).containsText("No calls match");
        assertThat(byId("perModel")).containsText("No calls in this period");

        // Reloading the address shows the same view.
        page.reload();
        assertThat(byId("usageFilters:key")).hasValue(calls.key);
        assertThat(byId("logForm:calls")).containsText("No calls match");
    }

    @Test
    void should_say_a_wrong_url_parameter_on_the_page_and_show_the_usage_to_a_viewer() {
        String viewer = UsersApi.unique("usage-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/usage.xhtml?model=" + calls.model, viewer, UsersApi.VIEWER_PASSWORD);
            assertThat(byId("perModel")).containsText(calls.model);
            assertThat(page.locator("[id='logForm:calls'] tr.call-row")).hasCount(2);

            Response wrong = page.navigate(url("/console/usage.xhtml?days=many&outcome=NOPE&model=" + calls.model));
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(page.locator("body")).containsText("days must be a whole number");
            // The other parameters still apply.
            assertThat(byId("usageFilters:model")).hasValue(calls.model);
            // An unknown outcome or period falls back to none and to 7 days.
            assertThat(page.locator("h1 + p")).containsText("last 7 UTC day(s)");
        } finally {
            UsersApi.delete(viewer);
        }
    }

    @Test
    void should_show_prompt_and_answer_in_the_request_log_once_the_model_editor_switches_payload_logging_on()
            throws Exception {
        try (PricedCalls logged = new PricedCalls("it-payload")) {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            page.navigate(url("/console/model.xhtml?id=" + logged.model));
            assertThat(byId("logPayloadsHelp")).containsText("Off: nothing of them is stored");
            byId("modelForm:logPayloads").locator(".ui-chkbox-box").click();
            byId("modelForm:save").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/models\\.xhtml\\?saved=" + logged.model + "$"));
            assertThat(ModelsApi.find(logged.model).getBoolean("logPayloads")).isTrue();

            logged.call(1);
            page.navigate(url("/console/usage.xhtml?model=" + logged.model));
            Locator row = page.locator("[id='logForm:calls'] tr.call-row");
            assertThat(row).hasCount(1);
            row.locator("details.payload summary").click();
            assertThat(row.locator("pre.payload-prompt")).containsText("\"content\":\"Say hello\"");
            assertThat(row.locator("pre.payload-completion")).hasText(PlaygroundProvider.ANSWER);
        }
    }

    /** The labels of a drawn chart's data sets, comma-separated. */
    private String chartSeries(String chartId) {
        page.waitForFunction(
                "id => window.Chart && Chart.getChart(document.getElementById(id).querySelector('canvas'))", chartId);
        return (String) page.evaluate(
                "id => Chart.getChart(document.getElementById(id).querySelector('canvas'))"
                        + ".data.datasets.map(set => set.label).join(',')",
                chartId);
    }
}
