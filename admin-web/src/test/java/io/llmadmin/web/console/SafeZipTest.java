package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

    @TempDir
    Path temp;

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(temp, "upload", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private Path target() throws IOException {
        return Files.createDirectory(temp.resolve("sources-" + System.nanoTime()));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_unpack_only_the_python_files_below_the_target() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("chat/", new byte[0]);
        entries.put("chat/views.py", text("from models import get_api_key\n"));
        entries.put("README.md", text("# not python"));
        Path target = target();

        int unpacked = new SafeZip().extractPython(zip(entries), target);

        assertThat(unpacked).isEqualTo(1);
        assertThat(target.resolve("chat/views.py")).hasContent("from models import get_api_key");
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void should_refuse_entries_that_leave_the_target() throws Exception {
        for (String unsafe :
                new String[] {"../evil.py", "a/../../evil.py", "/etc/evil.py", "C:/evil.py", "a\\..\\e.py"}) {
            Path target = target();
            Path archive = zip(Map.of(unsafe, text("x = 1\n")));

            assertThatThrownBy(() -> new SafeZip().extractPython(archive, target))
                    .as(unsafe)
                    .isInstanceOf(SafeZip.RefusedArchiveException.class)
                    .hasMessageContaining("unsafe path");
            assertThat(temp.getParent().resolve("evil.py")).doesNotExist();
            assertThat(temp.resolve("evil.py")).doesNotExist();
        }
    }

    @Test
    void should_refuse_a_zip_bomb_by_counting_the_bytes_written() throws Exception {
        // 2 MB of zeros compresses to a few KB; the limit here is 1 MB.
        Path archive = zip(Map.of("big.py", new byte[2 * 1024 * 1024]));

        assertThatThrownBy(() -> new SafeZip(100, 1024 * 1024).extractPython(archive, target()))
                .isInstanceOf(SafeZip.RefusedArchiveException.class)
                .hasMessageContaining("more than 1 MB");
    }

    @Test
    void should_refuse_too_many_entries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("m" + i + ".py", text("x = 1\n"));
        }
        Path archive = zip(entries);

        assertThatThrownBy(() -> new SafeZip(10, 1024 * 1024).extractPython(archive, target()))
                .isInstanceOf(SafeZip.RefusedArchiveException.class)
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void should_refuse_what_is_not_a_zip_or_is_cut_short() throws Exception {
        Path notZip = Files.writeString(temp.resolve("notes.zip"), "just text, not an archive");
        byte[] whole = Files.readAllBytes(zip(Map.of("a.py", text("import models\n"))));
        Path truncated = temp.resolve("truncated.zip");
        try (OutputStream out = Files.newOutputStream(truncated)) {
            out.write(whole, 0, whole.length / 2);
        }

        assertThatThrownBy(() -> new SafeZip().extractPython(notZip, target()))
                .isInstanceOf(SafeZip.RefusedArchiveException.class)
                .hasMessageContaining("not a readable .zip");
        assertThatThrownBy(() -> new SafeZip().extractPython(truncated, target()))
                .isInstanceOf(SafeZip.RefusedArchiveException.class)
                .hasMessageContaining("not a readable .zip");
    }

    @Test
    void should_delete_a_directory_tree() throws Exception {
        Path tree = target();
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/c.py"), "x");

        SafeZip.deleteRecursively(tree);

        assertThat(tree).doesNotExist();
    }
}
