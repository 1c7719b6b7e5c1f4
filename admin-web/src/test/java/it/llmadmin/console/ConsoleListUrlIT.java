package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway keys and users lists keep their text filter and sort in the URL, as the models list does: typing (or
 * pasting) filters at once and the address follows, a column sorts up then down, a reload or a shared link shows the
 * same view, and a wrong parameter is said on the page rather than failing it, on every list (models and audit log
 * included). Paging past 50 rows: {@link ConsoleListPagingIT}.
 */
class ConsoleListUrlIT extends ConsoleTest {

    @Test
    void should_keep_the_gateway_keys_filter_and_sort_in_the_url() {
        String prefix = UsersApi.unique("it-url");
        for (String suffix : new String[] {"-b", "-a", "-c"}) {
            KeysApi.issue(prefix + suffix);
        }
        try {
            signInAndOpen("/console/gateway-keys.xhtml", "admin", ADMIN_PASSWORD);
            byId("keysForm:search").fill(prefix);
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "$"));
            Locator rows = page.locator("[id='keysForm:keys_data'] > tr.key-row");
            assertThat(rows).hasCount(3);

            sortBy("keysForm:keys", "Name");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=name$"));
            assertThat(rows.first()).containsText(prefix + "-a");
            sortBy("keysForm:keys", "Name");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=name&order=desc$"));
            assertThat(rows.first()).containsText(prefix + "-c");

            page.reload();
            assertThat(byId("keysForm:search")).hasValue(prefix);
            assertThat(rows).hasCount(3);
            assertThat(rows.first()).containsText(prefix + "-c");
            assertThat(rows.last()).containsText(prefix + "-a");

            Response wrong = page.navigate(url("/console/gateway-keys.xhtml?q=" + prefix + "&sort=bogus&page=x"));
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(page.locator("body")).containsText("page must be a whole number");
            assertThat(rows).hasCount(3);
        } finally {
            for (String suffix : new String[] {"-a", "-b", "-c"}) {
                KeysApi.removeQuietly(prefix + suffix);
            }
        }
    }

    @Test
    void should_keep_the_users_filter_and_sort_in_the_url() {
        String prefix = UsersApi.unique("it-url-user");
        UsersApi.createViewer(prefix + "-a");
        UsersApi.createViewer(prefix + "-b");
        try {
            signInAndOpen("/console/admin/users.xhtml", "admin", ADMIN_PASSWORD);
            byId("usersForm:search").fill(prefix);
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "$"));
            Locator rows = page.locator("[id='usersForm:users_data'] > tr.user-row");
            assertThat(rows).hasCount(2);

            sortBy("usersForm:users", "User");
            sortBy("usersForm:users", "User");
            assertThat(page).hasURL(Pattern.compile(".*\\?q=" + prefix + "&sort=username&order=desc$"));
            assertThat(rows.first()).containsText(prefix + "-b");

            page.navigate(url("/console/admin/users.xhtml?q=" + prefix + "&sort=username&order=desc"));
            assertThat(byId("usersForm:search")).hasValue(prefix);
            assertThat(rows).hasCount(2);
            assertThat(rows.first()).containsText(prefix + "-b");
        } finally {
            UsersApi.delete(prefix + "-a");
            UsersApi.delete(prefix + "-b");
        }
    }

    @Test
    void should_say_a_page_that_is_not_a_whole_number_and_keep_the_filters_of_the_models_and_the_audit_log() {
        String id = UsersApi.unique("it-url-model");
        ModelsApi.create(id, true);
        try {
            signInAndOpen("/console/index.xhtml", "admin", ADMIN_PASSWORD);
            Response models = page.navigate(url("/console/models.xhtml?q=" + id + "&page=x&rows=many"));
            assertThat(models.status()).isEqualTo(200);
            assertThat(page.locator("body")).containsText("page must be a whole number");
            assertThat(page.locator("body")).containsText("rows must be a whole number");
            assertThat(byId("modelsForm:textFilter")).hasValue(id);
            assertThat(page.locator("[id='modelsForm:models_data'] code.catalog-id"))
                    .hasText(new String[] {id});

            Response audit = page.navigate(url("/console/audit.xhtml?entityType=Model&entityId=" + id + "&page=x"));
            assertThat(audit.status()).isEqualTo(200);
            assertThat(page.locator("body")).containsText("page must be a whole number");
            assertThat(byId("auditHeading")).hasText("History of model " + id);
            assertThat(page.locator("[id='auditForm:events_data'] > tr.event-row"))
                    .hasCount(1);
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    /** Clicks a column's header to sort by it and waits for the table to be drawn again. */
    private void sortBy(String tableId, String header) {
        String before = page.url();
        byId(tableId)
                .locator("th.ui-sortable-column", new Locator.LocatorOptions().setHasText(header))
                .first()
                .click();
        page.waitForFunction("before => window.location.href !== before", before);
    }
}
