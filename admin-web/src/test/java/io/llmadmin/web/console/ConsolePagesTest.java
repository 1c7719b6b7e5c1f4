package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.primefaces.model.file.UploadedFile;

class ConsolePagesTest {

    private static UploadedFile upload(String name, byte[] content) {
        return (UploadedFile) Proxy.newProxyInstance(
                ConsolePagesTest.class.getClassLoader(),
                new Class<?>[] {UploadedFile.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFileName" -> name;
                    case "getSize" -> (long) content.length;
                    case "getInputStream" -> new ByteArrayInputStream(content);
                    case "getContent" -> content;
                    default -> null;
                });
    }

    @Test
    void should_show_last_seen_as_local_time_with_its_zone() {
        List<LegacyCallsView.CallSite> rows = LegacyCallsView.rowsOf(
                List.of(new LegacyCallCount(
                        "get_api_key", "com.example.Caller", 3, Instant.parse("2026-03-14T08:26:53Z"))),
                ZoneId.of("Europe/Berlin"));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getFunction()).isEqualTo("get_api_key");
            assertThat(row.getCalls()).isEqualTo(3);
            assertThat(row.getLastSeenText()).isEqualTo("2026-03-14 09:26:53 CET");
        });
    }

    @Test
    void should_scan_an_uploaded_zip_and_list_only_the_importing_module() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("chat/views.py"));
            zip.write("from models import get_api_key, LiteLLMChatWrapper\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("chat/util.py"));
            zip.write("import os\n".getBytes(StandardCharsets.UTF_8));
        }

        List<PythonScan.ImportingModule> found =
                new PythonScan(null, new SafeZip()).scan(upload("tree.zip", bytes.toByteArray()));

        assertThat(found).singleElement().satisfies(module -> {
            assertThat(module.getModule()).isEqualTo("chat/views.py");
            assertThat(module.getNamesUsed()).isEqualTo("LiteLLMChatWrapper, get_api_key");
        });
    }

    @Test
    void should_refuse_a_missing_upload_and_a_file_that_is_not_a_zip() {
        PythonScan scan = new PythonScan(null, new SafeZip());

        assertThatThrownBy(() -> scan.scan(null)).hasMessage("Choose a .zip file of Python sources.");
        assertThatThrownBy(() -> scan.scan(upload("notes.txt", new byte[] {1})))
                .hasMessage("Only .zip files can be scanned.");
        assertThatThrownBy(() -> scan.scan(upload("fake.zip", "not a zip".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("The file is not a readable .zip archive.");
    }
}
