package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.Databases.Target;
import io.llmadmin.migration.legacy.internal.JpaImportStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Legacy kwargs become configuration, not text: {@code fallbacks} become the model's fallbacks (resolved once the whole
 * input is written), members no service applies are listed per row as kept, not applied; the host's hooks validate and
 * audit every model; malformed files fail without writing.
 */
class KwargsMappingImportTest {

    private static String row(int pk, String name, String kwargs) {
        return "{\"model\": \"llm.modelconfiguration\", \"pk\": " + pk + ", \"fields\": {\"type\": \"Chat\","
                + " \"provider\": \"openai\", \"name\": \"" + name + "\", \"ctx_length\": 8000, \"kwargs\": " + kwargs
                + "}}";
    }

    private static LegacySource fixture(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return LegacySource.fixture("kwargs.json", () -> new ByteArrayInputStream(bytes), FixtureModels.defaults());
    }

    @Test
    void should_apply_gemini_safety_settings_and_list_the_entries_no_service_knows() {
        String input = "[{\"model\": \"llm.modelconfiguration\", \"pk\": 1, \"fields\": {\"type\": \"Chat\","
                + " \"provider\": \"google\", \"name\": \"gemini-flash\", \"ctx_length\": 8000, \"kwargs\":"
                + " {\"safety_settings\": [{\"category\": \"HARM_CATEGORY_HARASSMENT\", \"threshold\": \"BLOCK_NONE\"},"
                + " {\"category\": \"HARM_CATEGORY_MADE_UP\", \"threshold\": \"BLOCK_NONE\"},"
                + " {\"category\": \"HARM_CATEGORY_HATE_SPEECH\", \"threshold\": \"BLOCK_SOMETIMES\"}]}}}]";
        try (Target target = Target.h2()) {
            ImportReport report = target.importer().run(fixture(input), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(target.model("gemini-flash").extraKwargsJson()).contains("HARM_CATEGORY_HARASSMENT");
            assertThat(report.rows().get(0).detail())
                    .contains("safety_settings[1] (unknown HARM_CATEGORY_MADE_UP / BLOCK_NONE)")
                    .contains("safety_settings[2] (unknown HARM_CATEGORY_HATE_SPEECH / BLOCK_SOMETIMES)")
                    .doesNotContain("safety_settings[0]");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_map_fallbacks_to_catalog_ids_even_of_later_rows_and_report_unknown_and_inert_kwargs() {
        String input = "["
                + row(
                        1,
                        "main-model",
                        "{\"temperature\": 0.2, \"fallbacks\": [\"Backup Model\", \"gone\"],"
                                + " \"safety_settings\": [{\"category\": \"x\"}], \"extra_headers\": {\"X-Team\": \"a\"}}")
                + ", " + row(2, "Backup Model", "{}") + "]";
        try (Target target = Target.h2()) {
            ImportReport first = target.importer().run(fixture(input), ImportOptions.defaults());

            assertThat(first.status()).isEqualTo(ImportStatus.COMMITTED);
            ModelConfiguration main = target.model("main-model");
            assertThat(main.fallbacks()).containsExactly("backup-model");
            assertThat(main.extraKwargsJson()).doesNotContain("fallbacks").contains("temperature");
            String detail = first.rows().get(0).detail();
            assertThat(detail)
                    .contains("kwargs kept, not applied: safety_settings")
                    .doesNotContain("extra_headers")
                    .contains("fallbacks backup-model")
                    .contains("fallbacks unknown, not applied: gone");

            ImportReport second = target.importer().run(fixture(input), ImportOptions.defaults());

            assertThat(second.nothingChanged()).isTrue();
            assertThat(second.counts().unchanged()).isEqualTo(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_reject_a_row_the_hooks_refuse_and_audit_every_model_written_when_committed() {
        List<String> audited = new ArrayList<>();
        ImportHooks hooks = new ImportHooks() {
            @Override
            public List<String> problems(ModelConfiguration model, Predicate<String> modelExists) {
                return model.catalogId().equals("refused") ? List.of("extraKwargs: too long") : List.of();
            }

            @Override
            public void written(ModelConfiguration model, String before) {
                audited.add((before == null ? "CREATE " : "UPDATE ") + model.catalogId());
            }

            @Override
            public void committing(Long runId, LegacySource source, io.llmadmin.domain.imports.ImportCounts counts) {
                audited.add("RUN " + counts.created());
            }
        };
        String input = "[" + row(1, "accepted", "{}") + ", " + row(2, "refused", "{}") + "]";
        try (Target target = Target.h2()) {
            LegacyImporter importer = new LegacyImporter(
                    JpaImportStore.resourceLocal(target.entityManager()), new CollectingSink(), hooks);

            ImportReport dry =
                    importer.run(fixture(input), ImportOptions.defaults().withDryRun(true));
            assertThat(audited).isEmpty();
            assertThat(dry.counts().rejected()).isEqualTo(1);

            ImportReport real = importer.run(fixture(input), ImportOptions.defaults());

            assertThat(real.rows(RowAction.REJECTED).get(0).detail())
                    .isEqualTo("refused by the admin API's rules: extraKwargs: too long");
            assertThat(audited).containsExactly("CREATE accepted", "RUN 1");
            assertThat(target.catalog())
                    .anyMatch(entry -> entry.contains("CATALOG_ID=accepted|"))
                    .noneMatch(entry -> entry.contains("CATALOG_ID=refused|"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_fail_without_writing_when_the_file_has_trailing_content_or_invalid_utf8() throws Exception {
        String good = "[" + row(1, "trailing", "{}") + "]";
        byte[] latin1 = good.replace("trailing", "trailing\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        try (Target target = Target.h2()) {
            List<String> before = target.catalog();
            for (LegacySource source : List.of(
                    fixture(good + " garbage"),
                    fixture(good + " []"),
                    LegacySource.fixture(
                            "latin1.json", () -> new ByteArrayInputStream(latin1), FixtureModels.defaults()),
                    LegacySource.agentSettings(
                            "two.json",
                            () -> new ByteArrayInputStream(
                                    "{\"a\": 1} {\"b\": 2}".getBytes(StandardCharsets.UTF_8))))) {
                ImportReport report = target.importer().run(source, ImportOptions.defaults());

                assertThat(report.status()).as(source.description()).isEqualTo(ImportStatus.FAILED);
                assertThat(report.counts().created()).isZero();
            }
            assertThat(target.catalog()).isEqualTo(before);
        }
    }
}
