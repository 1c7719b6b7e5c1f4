package io.llmadmin.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * An import body is spooled where only the server's own user can read it (finding 9: bodies with provider keys in
 * clear were spooled to the shared temp directory readable by the group).
 */
class ImportSpoolTest {

    @Test
    void should_spool_an_import_body_readable_by_the_servers_user_only() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        byte[] body = "{\"model\":\"with a provider key in clear\"}".getBytes(StandardCharsets.UTF_8);

        Path spooled = ImportRequests.spool(new ByteArrayInputStream(body), 1024, ".json");
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spooled)))
                    .isEqualTo("rw-------");
            assertThat(Files.readAllBytes(spooled)).isEqualTo(body);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }
}
