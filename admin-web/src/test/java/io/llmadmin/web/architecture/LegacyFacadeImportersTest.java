package io.llmadmin.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads who still imports the legacy facade from the committed frozen store and says so. In the deletion check
 * ({@code -DwithoutLegacyCompat}) any remaining importer fails the build; with none, the build goes on to compile and
 * test admin-web without legacy-compat, which is the proof that the module can be deleted.
 */
class LegacyFacadeImportersTest {

    private static final Logger LOG = Logger.getLogger(LegacyFacadeImportersTest.class.getName());
    private static final Path STORE = Path.of("src/test/resources/frozen");
    private static final String RULE = "no class outside legacy-compat should depend on the deprecated legacy facade";

    static List<String> remainingImporters() throws IOException {
        Properties index = new Properties();
        try (var in = Files.newInputStream(STORE.resolve("stored.rules"))) {
            index.load(in);
        }
        String file = index.getProperty(RULE);
        assertThat(file).as("the frozen store records the legacy-facade rule").isNotNull();
        try (Stream<String> lines = Files.lines(STORE.resolve(file), StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank())
                    .map(line -> line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ')))
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    @Test
    void should_list_the_remaining_importers_and_refuse_deletion_while_there_are_any() throws IOException {
        List<String> importers = remainingImporters();
        boolean deletionCheck = Boolean.getBoolean("llmadmin.legacyDeletionCheck");

        if (importers.isEmpty()) {
            LOG.info("No class outside legacy-compat depends on the legacy facade: legacy-compat can be deleted"
                    + (deletionCheck ? " (this build proves admin-web builds and passes its tests without it)" : ""));
        } else {
            LOG.warning(importers.size() + " class(es) still depend on the legacy facade: " + importers);
        }
        if (deletionCheck) {
            assertThat(importers)
                    .as("classes that still depend on legacy-compat; move them to llm-services first")
                    .isEmpty();
        }
    }
}
