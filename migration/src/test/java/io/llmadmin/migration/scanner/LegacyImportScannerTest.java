package io.llmadmin.migration.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyImportScannerTest {

    private static Path legacyTree() throws URISyntaxException {
        return Path.of(
                LegacyImportScannerTest.class.getResource("/legacy-python").toURI());
    }

    @Test
    void should_find_the_eight_legacy_callers_of_models_py() throws Exception {
        List<LegacyImport> importers = new LegacyImportScanner().scan(legacyTree());

        assertThat(importers)
                .extracting(LegacyImport::module)
                .containsExactly(
                        "agent.py",
                        "initialize.py",
                        "preload.py",
                        "python/helpers/memory.py",
                        "python/somaagent/agent_config_loader.py",
                        "python/somaagent/agent_context.py",
                        "python/somaagent/response_generator.py",
                        "services/common/agent_config_loader.py");
    }

    @Test
    void should_report_the_names_each_caller_uses_through_plain_aliased_and_from_imports() throws Exception {
        List<LegacyImport> importers = new LegacyImportScanner().scan(legacyTree());

        assertThat(find(importers, "agent.py").namesUsed()).containsExactly("get_chat_model", "get_embedding_model");
        assertThat(find(importers, "initialize.py").namesUsed()).containsExactly("ModelConfig", "ModelType");
        assertThat(find(importers, "python/helpers/memory.py").namesUsed()).containsExactly("get_embedding_model");
        assertThat(find(importers, "services/common/agent_config_loader.py").namesUsed())
                .containsExactly("ModelConfig", "ModelType");
        assertThat(find(importers, "services/common/agent_config_loader.py").importLines())
                .containsExactly("1: from models import (");
    }

    @Test
    void should_not_report_other_modules_named_alike_comments_or_virtual_environments() throws Exception {
        List<LegacyImport> importers = new LegacyImportScanner().scan(legacyTree());

        assertThat(importers)
                .extracting(LegacyImport::module)
                .doesNotContain("models.py", "python/somaagent/already_moved.py", ".venv/lib/vendored.py");
    }

    @Test
    void should_say_the_facade_is_no_longer_needed_and_exit_0_when_nothing_imports_models(@TempDir Path tree)
            throws IOException {
        Files.writeString(tree.resolve("agent.py"), "from admin.llm.services import LiteLLMClient\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = LegacyImportScanCommand.run(
                new String[] {tree.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No module imports models any more");
    }

    @Test
    void should_list_the_importers_and_exit_1_when_some_remain() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = LegacyImportScanCommand.run(
                new String[] {legacyTree().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("python/somaagent/response_generator.py: get_chat_model")
                .contains("8 module(s) still import models.");
    }

    private static LegacyImport find(List<LegacyImport> importers, String module) {
        return importers.stream()
                .filter(importer -> importer.module().equals(module))
                .findFirst()
                .orElseThrow();
    }
}
