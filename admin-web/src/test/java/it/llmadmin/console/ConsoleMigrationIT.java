package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The migration page: calls into the legacy facade, and scanning an uploaded Python tree for `models` imports. */
class ConsoleMigrationIT extends ConsoleTest {

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void upload(String name, String mimeType, byte[] content) {
        page.locator("[id='scanForm'] input[type=file]").setInputFiles(new FilePayload(name, mimeType, content));
        byId("scanForm:scan").click();
    }

    @Test
    void should_show_the_facade_calls_or_the_empty_state_with_a_matching_headline() {
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);

        Locator headline = byId("facadeHeadline");
        Locator rows = page.locator("[id='callsForm:callSites'] tbody tr");
        assertThat(page.locator("[id='callsForm:callSites'] thead th"))
                .containsText(new String[] {"Legacy function", "Calling class", "Calls", "Last seen"});
        if (headline.textContent().contains("still called")) {
            assertThat(rows.first()).not().containsText("No calls into the legacy facade recorded");
            assertThat(rows.first().locator("td").nth(3).textContent().trim())
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+");
        } else {
            assertThat(headline).containsText("has not been called");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).hasText("No calls into the legacy facade recorded");
        }
    }

    @Test
    void should_list_exactly_the_module_that_imports_models_with_its_names() throws IOException {
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);

        upload(
                "agent.zip",
                "application/zip",
                zip(Map.of(
                        "agent/chat/views.py",
                        "from models import get_api_key, LiteLLMChatWrapper\n\n"
                                + "def view():\n    return LiteLLMChatWrapper(get_api_key('openai'))\n",
                        "agent/chat/util.py",
                        "import os\n\ndef home():\n    return os.getcwd()\n",
                        "agent/README.md",
                        "from models import not_python\n")));

        Locator rows = page.locator("[id='scanForm:importers'] tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first().locator(".module")).hasText("agent/chat/views.py");
        assertThat(rows.first().locator(".names")).hasText("LiteLLMChatWrapper, get_api_key");
        assertThat(rows.first().locator(".import-line")).containsText("from models import get_api_key");
        assertThat(byId("scanHeadline")).containsText("1 modules in agent.zip still import models");
    }

    @Test
    void should_say_so_when_no_module_imports_models() throws IOException {
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);

        upload("clean.zip", "application/zip", zip(Map.of("app/main.py", "print('hello')\n")));

        assertThat(page.locator("[id='scanForm:importers'] tbody tr")).hasText("No module imports models");
    }

    /**
     * An upload past web.xml's 1 MB threshold is spooled by Liberty to the application's temporary directory, which
     * only the server's user may enter (finding 9: spooled bodies were readable by the server user's group). The
     * directory is watched while the archive is uploaded: the spooled part appears there, and nowhere else can it be
     * reached from.
     */
    @Test
    void should_spool_a_large_upload_where_only_the_servers_user_can_reach_it() throws Exception {
        Path spool = uploadSpool();
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);
        Random random = new Random(17);
        StringBuilder blob = new StringBuilder();
        while (blob.length() < 3 * 1024 * 1024) {
            blob.append(Long.toString(random.nextLong(), 36));
        }
        byte[] archive = zip(Map.of("app/main.py", "print('hello')\n", "data/blob.txt", blob.toString()));
        assertThat(archive.length).isGreaterThan(1024 * 1024);

        List<String> spooled = new ArrayList<>();
        try (WatchService watcher = spool.getFileSystem().newWatchService()) {
            spool.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            upload("large.zip", "application/zip", archive);
            assertThat(page.locator("[id='scanForm:importers'] tbody tr")).hasText("No module imports models");
            // The watch service delivers its events from a thread of its own: the first may still be on its way.
            WatchKey key = watcher.poll(10, TimeUnit.SECONDS);
            for (; key != null; key = watcher.poll()) {
                key.pollEvents().forEach(event -> spooled.add(String.valueOf(event.context())));
                key.reset();
            }
        }

        assertThat(spooled).as("files Liberty spooled in " + spool).isNotEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)))
                .as("who may enter " + spool)
                .isEqualTo("rwx------");
    }

    /** The application's servlet temporary directory in the IT server's work area, where Liberty spools uploads. */
    private static Path uploadSpool() throws IOException {
        Path server = Path.of(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/llmadmin-it/logs"))
                .toAbsolutePath()
                .getParent();
        try (Stream<Path> paths = Files.walk(server.resolve("workarea"))) {
            return paths.filter(Files::isDirectory)
                    .filter(path -> path.endsWith(Path.of("SMF_WebContainer", "admin-web-it", "admin-web-it")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no temporary directory of admin-web-it in " + server));
        }
    }

    @Test
    void should_refuse_a_file_that_is_not_a_zip_with_a_field_message() {
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);

        upload("notes.txt", "text/plain", "from models import x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(byId("scanForm:archiveMessage")).containsText("Only .zip files can be scanned.");
        assertThat(byId("scanForm:importers")).hasCount(0);

        upload("broken.zip", "application/zip", "this is not an archive".getBytes(StandardCharsets.UTF_8));
        assertThat(byId("scanForm:archiveMessage")).containsText("not a readable .zip");
        assertThat(byId("scanForm:importers")).hasCount(0);
    }

    @Test
    void should_let_a_viewer_read_the_page_but_not_upload() {
        String viewer = UsersApi.unique("it-console-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/migration.xhtml", viewer, UsersApi.VIEWER_PASSWORD);

            assertThat(byId("facadeHeadline")).isVisible();
            assertThat(byId("scanViewerNote")).containsText("Only admins can upload");
            assertThat(page.locator("input[type=file]")).hasCount(0);
        } finally {
            UsersApi.delete(viewer);
        }
    }

    @Test
    void should_say_at_once_that_an_archive_is_too_large_instead_of_sending_it() throws IOException {
        signInAndOpen("/console/migration.xhtml", "admin", ADMIN_PASSWORD);
        java.nio.file.Path huge = java.nio.file.Files.createTempFile("huge", ".zip");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024 + 1);
        }

        try {
            page.locator("[id='scanForm'] input[type=file]").setInputFiles(huge);
        } finally {
            java.nio.file.Files.delete(huge);
        }

        assertThat(byId("scanForm:tooLarge")).containsText("at most 50 MB");
        assertThat(byId("scanForm:scan")).isDisabled();
        assertThat(page.locator("[id='scanForm'] input[type=file]")).hasValue("");
    }
}
