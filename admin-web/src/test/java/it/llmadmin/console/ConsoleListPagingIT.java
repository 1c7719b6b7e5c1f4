package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lists longer than one page (50 rows) keep their page in the URL next to their filter and sort: a shared link opens on
 * the page it names, the paginator's turns are written into the address, and a reload shows the same rows. The gateway
 * keys and users lists are held in memory, the usage page's request log is read page by page from the database.
 */
class ConsoleListPagingIT extends ConsoleTest {

    @Test
    void should_open_the_gateway_keys_on_the_page_the_url_names_and_keep_paging_in_the_url() {
        String prefix = UsersApi.unique("it-page-key");
        List<Long> issued = new ArrayList<>();
        try {
            for (int i = 0; i < 55; i++) {
                issued.add(KeysApi.issue(prefix + String.format("-%02d", i))
                        .getJsonNumber("id")
                        .longValue());
            }
            Locator rows = page.locator("[id='keysForm:keys_data'] > tr.key-row");
            Locator report = report("keysForm:keys");
            signInAndOpen("/console/gateway-keys.xhtml?q=" + prefix + "&sort=name&page=2", "admin", ADMIN_PASSWORD);

            assertThat(report).hasText("51–55 of 55");
            assertThat(rows).hasCount(5);
            assertThat(rows.first().locator(".key-name")).hasText(prefix + "-50");
            assertThat(rows.last().locator(".key-name")).hasText(prefix + "-54");

            turnTo("keysForm:keys", "1");
            assertThat(report).hasText("1–50 of 55");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=name$"));
            turnTo("keysForm:keys", "2");
            assertThat(report).hasText("51–55 of 55");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=name&page=2$"));

            page.reload();
            assertThat(byId("keysForm:search")).hasValue(prefix);
            assertThat(report).hasText("51–55 of 55");
            assertThat(rows.first().locator(".key-name")).hasText(prefix + "-50");
        } finally {
            issued.forEach(KeysApi::removeQuietly);
        }
    }

    @Test
    void should_open_the_users_on_the_page_the_url_names_and_keep_paging_in_the_url() {
        String prefix = UsersApi.unique("it-page-user");
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < 51; i++) {
                String username = prefix + String.format("-%02d", i);
                UsersApi.createViewer(username);
                made.add(username);
            }
            Locator rows = page.locator("[id='usersForm:users_data'] > tr.user-row");
            Locator report = report("usersForm:users");
            signInAndOpen(
                    "/console/admin/users.xhtml?q=" + prefix + "&sort=username&order=desc&page=2",
                    "admin",
                    ADMIN_PASSWORD);

            assertThat(report).hasText("51–51 of 51");
            assertThat(rows).hasCount(1);
            assertThat(rows.first().locator(".username")).hasText(prefix + "-00");

            turnTo("usersForm:users", "1");
            assertThat(report).hasText("1–50 of 51");
            assertThat(rows.first().locator(".username")).hasText(prefix + "-50");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=username&order=desc$"));
            turnTo("usersForm:users", "2");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=username&order=desc&page=2$"));

            page.reload();
            assertThat(byId("usersForm:search")).hasValue(prefix);
            assertThat(report).hasText("51–51 of 51");
            assertThat(rows.first().locator(".username")).hasText(prefix + "-00");
        } finally {
            made.forEach(UsersApi::delete);
        }
    }

    @Test
    void should_open_the_request_log_on_the_page_the_url_names_and_keep_it_with_the_filters() throws Exception {
        try (PricedCalls calls = new PricedCalls("it-page-log")) {
            calls.call(52);
            Locator rows = page.locator("[id='logForm:calls_data'] > tr.call-row");
            Locator report = report("logForm:calls");
            signInAndOpen("/console/usage.xhtml?key=" + calls.key + "&page=2", "admin", ADMIN_PASSWORD);

            assertThat(report).hasText("51–52 of 52");
            assertThat(rows).hasCount(2);

            turnTo("logForm:calls", "1");
            assertThat(report).hasText("1–50 of 52");
            assertThat(page).hasURL(Pattern.compile(".*\\?key=" + calls.key + "$"));
            turnTo("logForm:calls", "2");
            assertThat(page).hasURL(Pattern.compile(".*\\?key=" + calls.key + "&page=2$"));
            page.reload();
            assertThat(report).hasText("51–52 of 52");

            // A page that is not a number is said on the page; the key filter still applies.
            page.navigate(url("/console/usage.xhtml?key=" + calls.key + "&page=two"));
            assertThat(page.locator("body")).containsText("page must be a whole number");
            assertThat(byId("usageFilters:key")).hasValue(calls.key);
            assertThat(report).hasText("1–50 of 52");
        }
    }

    private Locator report(String tableId) {
        return byId(tableId).locator(".ui-paginator-current").first();
    }

    /** Clicks the paginator's link to this page and waits until the address bar has followed. */
    private void turnTo(String tableId, String pageNumber) {
        String before = page.url();
        byId(tableId)
                .locator(".ui-paginator-page")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + pageNumber + "$")))
                .first()
                .click();
        page.waitForFunction("before => window.location.href !== before", before);
    }
}
