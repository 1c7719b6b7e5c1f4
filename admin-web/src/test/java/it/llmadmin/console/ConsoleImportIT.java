package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The import page: a dry-run plan first, then the import in the background, its progress, and the run history. */
class ConsoleImportIT extends ConsoleTest {

    /** A small {@code dumpdata} fixture: one model to create, one with a provider the importer refuses. */
    static byte[] fixture(String name) {
        return ("""
                [{"model": "llm.modelconfiguration", "pk": 1, "fields": {"type": "Chat", "provider": "openai",
                  "name": "%s", "api_base": "", "ctx_length": 8000, "kwargs": {"temperature": 0.1}}},
                 {"model": "llm.modelconfiguration", "pk": 2, "fields": {"type": "Chat",
                  "provider": "not-a-provider", "name": "%s-bad", "api_base": "", "ctx_length": 8000, "kwargs": {}}}]
                """.formatted(name, name)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_preview_a_fixture_then_import_it_and_follow_the_run_across_a_reload() {
        String name = UsersApi.unique("it-console-import");
        signInAndOpen("/console/import.xhtml", "admin", ADMIN_PASSWORD);
        try {
            page.locator("[id='importForm'] input[type=file]")
                    .setInputFiles(new FilePayload("legacy.json", "application/json", fixture(name)));
            byId("importForm:preview").click();

            assertThat(byId("planSummary")).containsText("DRY_RUN");
            assertThat(byId("importForm:planRows")).containsText(name);
            assertThat(byId("importForm:planRows")).containsText("CREATE");
            assertThat(byId("importForm:planRows")).containsText("REJECTED");
            assertThat(byId("importForm:planRows")).containsText("unknown provider 'not-a-provider'");
            assertThat(ModelsApi.find(name)).as("a preview writes nothing").isNull();

            byId("importForm:import").click();

            assertThat(page).hasURL(Pattern.compile(".*/console/import\\.xhtml\\?task=.*"));
            assertThat(byId("taskState")).hasAttribute("data-state", "DONE");
            page.reload();
            assertThat(byId("taskState")).hasAttribute("data-state", "DONE");
            assertThat(byId("taskSummary")).containsText("COMMITTED");
            assertThat(ModelsApi.find(name)).isNotNull();

            page.locator("[id='historyForm:runs'] .show-report").first().click();
            assertThat(byId("historyForm:reportRows")).containsText(name);
            assertThat(byId("historyForm:reportRows")).containsText("unknown provider");
        } finally {
            // Other ITs check /v1/models byte for byte: leave the catalog as it was.
            ModelsApi.deleteQuietly(name);
        }
    }

    @Test
    void should_name_the_field_when_the_database_host_is_not_allowed() {
        signInAndOpen("/console/import.xhtml", "admin", ADMIN_PASSWORD);
        page.locator("[id='importForm:kind']").selectOption("database");
        byId("importForm:jdbcUrl").fill("jdbc:postgresql://db.legacy.invalid:5432/legacy");
        byId("importForm:password").fill("pw-never-shown-42");

        byId("importForm:preview").click();

        assertThat(page.locator("[id='importForm']")).containsText("is not one the server may connect to");
        assertThat(page.locator("[id='importForm']")).not().containsText("CREATE");
        assertThat(page.content()).doesNotContain("pw-never-shown-42");
    }

    @Test
    void should_say_at_once_that_an_upload_is_too_large_instead_of_sending_it() throws IOException {
        signInAndOpen("/console/import.xhtml", "admin", ADMIN_PASSWORD);
        java.nio.file.Path huge = java.nio.file.Files.createTempFile("huge", ".json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024 + 1);
        }
        try {
            page.locator("[id='importForm'] input[type=file]").setInputFiles(huge);
        } finally {
            java.nio.file.Files.delete(huge);
        }

        assertThat(byId("importForm:tooLarge")).containsText("at most 50 MB");
        assertThat(byId("importForm:preview")).isDisabled();
    }

    @Test
    void should_let_a_viewer_read_the_runs_but_not_import() {
        String viewer = UsersApi.unique("it-import-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/import.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            assertThat(byId("viewerNote")).containsText("Only admins can import");
            assertThat(byId("historyForm:runs")).isVisible();
            assertThat(page.locator("input[type=file]")).hasCount(0);
            assertThat(page.locator("[id='importForm:import']")).hasCount(0);
        } finally {
            UsersApi.delete(viewer);
        }
    }
}
