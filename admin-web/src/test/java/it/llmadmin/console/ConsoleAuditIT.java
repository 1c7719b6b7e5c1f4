package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import jakarta.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit log page: a model's history at the link the model page uses ({@code entityType=Model&entityId=...}), with
 * the before/after diff of a change, and filters that land in the URL.
 */
class ConsoleAuditIT extends ConsoleTest {

    @Test
    void should_show_a_models_history_with_the_diff_of_each_change() {
        String id = UsersApi.unique("it-audit-model");
        JsonObject created = ModelsApi.create(id, true);
        ModelsApi.rename(
                id, "Renamed by the audit IT", created.getJsonNumber("version").longValue());
        try {
            signInAndOpen("/console/audit.xhtml?entityType=Model&entityId=" + id, "admin", ADMIN_PASSWORD);

            assertThat(page.locator("h1")).hasText("History of model " + id);
            Locator rows = page.locator("[id='auditForm:events_data'] > tr.event-row");
            assertThat(rows).hasCount(2);
            assertThat(rows.locator(".action")).hasText(new String[] {"UPDATE", "CREATE"});
            assertThat(page.locator("[id='auditForm:events'] .ui-paginator-current")
                            .first())
                    .hasText("1–2 of 2");

            rows.first().locator(".ui-row-toggler").click();
            Locator changed = page.locator(".diff-table tr.changed");
            Locator displayName = changed.filter(new Locator.FilterOptions().setHasText("displayName"));
            assertThat(displayName.locator(".before")).hasText("IT " + id);
            assertThat(displayName.locator(".after")).hasText("Renamed by the audit IT");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }

    @Test
    void should_keep_the_filters_in_the_url_for_a_viewer_too() {
        String viewer = UsersApi.unique("it-audit-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/audit.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            assertThat(page.locator("[id='menuAudit']")).hasAttribute("aria-current", "page");

            byId("auditFilters:actor").fill("admin");
            byId("auditFilters:action").fill("create");
            byId("auditFilters:filter").click();

            assertThat(page).hasURL(Pattern.compile(".*actor=admin.*"));
            assertThat(page).hasURL(Pattern.compile(".*action=create.*"));
            Locator actors = page.locator("[id='auditForm:events_data'] .actor");
            assertThat(actors.first()).hasText("admin");
            assertThat(page.locator("[id='auditForm:events_data'] .action").first())
                    .hasText("CREATE");

            byId("auditFilters:actor").fill("nobody-has-this-name");
            byId("auditFilters:filter").click();
            assertThat(page.locator("[id='auditForm:events_data']")).containsText("No events match");
        } finally {
            UsersApi.delete(viewer);
        }
    }

    @Test
    void should_keep_the_page_in_the_url_and_open_the_page_it_names() {
        String id = UsersApi.unique("it-audit-paged");
        JsonObject created = ModelsApi.create(id, true);
        long version = created.getJsonNumber("version").longValue();
        for (int i = 0; i < 55; i++) {
            ModelsApi.rename(id, "Rename " + i, version + i);
        }
        try {
            signInAndOpen("/console/audit.xhtml?entityType=Model&entityId=" + id + "&page=2", "admin", ADMIN_PASSWORD);

            Locator report = page.locator("[id='auditForm:events'] .ui-paginator-current")
                    .first();
            assertThat(report).hasText("51–56 of 56");
            assertThat(page.locator("[id='auditForm:events_data'] > tr.event-row"))
                    .hasCount(6);

            page.locator("[id='auditForm:events'] .ui-paginator-first").first().click();
            assertThat(report).hasText("1–50 of 56");
            assertThat(page).not().hasURL(Pattern.compile(".*page=.*"));
            page.locator("[id='auditForm:events'] .ui-paginator-next").first().click();
            assertThat(report).hasText("51–56 of 56");
            assertThat(page).hasURL(Pattern.compile(".*page=2.*"));

            page.reload();
            assertThat(report).hasText("51–56 of 56");
        } finally {
            ModelsApi.deleteQuietly(id);
        }
    }
}
