package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.legacy.Databases.Target;
import io.llmadmin.migration.legacy.SecretMove.Disposition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports of {@code manage.py dumpdata} fixtures into a migrated llm-admin database (H2, and PostgreSQL once). */
class FixtureImportTest {

    static final String ANTHROPIC_KEY = "sk-ant-test-000000000000009f3k";

    static Path resource(String name) {
        try {
            return Path.of(
                    FixtureImportTest.class.getResource("/legacy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LegacySource awkwardFixture() {
        return LegacySource.fixture(resource("dumpdata-awkward.json"));
    }

    @Test
    void should_import_the_valid_rows_and_list_every_rejection_with_its_reason_when_the_fixture_has_awkward_rows()
            throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report = target.importer().run(awkwardFixture(), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(report.counts().read()).isEqualTo(17);
            assertThat(report.counts().created()).isEqualTo(5);
            assertThat(report.counts().updated()).isEqualTo(1);
            assertThat(report.counts().unchanged()).isEqualTo(2);
            assertThat(report.counts().rejected()).isEqualTo(7);
            assertThat(report.counts().ignored()).isEqualTo(2);
            assertThat(report.rows(RowAction.REJECTED))
                    .extracting(RowOutcome::reference, RowOutcome::detail)
                    .containsExactly(
                            tuple(
                                    "llm.modelconfiguration pk=4",
                                    "duplicate: an earlier configuration row of this input has catalog id 'gpt-4o'"),
                            tuple(
                                    "llm.modelconfiguration pk=5",
                                    "ctx_length 5000000000 is larger than the largest supported, 2147483647"),
                            tuple("llm.modelconfiguration pk=6", "kwargs is not valid JSON (it ends early)"),
                            tuple(
                                    "llm.modelconfiguration pk=7",
                                    "carries an API key: import it through the admin API so the key lands encrypted"
                                            + " in the vault"),
                            tuple(
                                    "llm.modelconfiguration pk=8",
                                    "unknown provider 'acme-ai' (known: openai, anthropic, gemini, ollama, mistral,"
                                            + " deepseek, qwen, openrouter, groq, huggingface, local,"
                                            + " inference-service, other)"),
                            tuple(
                                    "llm.modelconfiguration pk=9",
                                    "limit_requests must be >= 0 (0 = unlimited or unknown), got -1"),
                            tuple(
                                    "llm.modelconfiguration pk=10",
                                    "unknown type 'Vision' (known: chat, embedding, image, speech, or the legacy"
                                            + " labels Chat, Embedding)"));
            assertThat(report.notes())
                    .containsExactly(
                            "ignored 1 record(s) of auth.user", "ignored 1 record(s) of contenttypes.contenttype");

            ModelConfiguration gpt4o = target.model("gpt-4o");
            assertThat(gpt4o.type()).isEqualTo(ModelType.CHAT);
            assertThat(gpt4o.provider()).isEqualTo("openai");
            assertThat(gpt4o.displayName()).isEqualTo("GPT-4o");
            assertThat(gpt4o.vendor()).isEqualTo("OpenAI");
            assertThat(gpt4o.description()).isEqualTo("Omni model");
            assertThat(gpt4o.apiBase()).isNull();
            assertThat(gpt4o.contextLength()).isEqualTo(128_000);
            assertThat(gpt4o.limitOutputTokensPerMinute()).isEqualTo(20_000);
            assertThat(gpt4o.vision()).isTrue();
            assertThat(gpt4o.extraKwargsJson())
                    .isEqualTo("{\"temperature\":0.2,\"response_format\":{\"type\":\"json_object\","
                            + "\"schema\":{\"nested\":[1,2,{\"deep\":true}]}}}");

            ModelConfiguration french = target.model("modele-d-integration-francais");
            assertThat(french.displayName()).isEqualTo("Modèle d’intégration français");
            assertThat(french.type()).isEqualTo(ModelType.EMBEDDING);
            assertThat(french.extraKwargsJson()).isEqualTo("{\"normalize\":true}");

            ModelConfiguration qwen = target.model("model-" + sha256Prefix("通义千问"));
            assertThat(qwen.displayName()).isEqualTo("通义千问");
            assertThat(qwen.provider()).isEqualTo("ollama");
            assertThat(qwen.apiBase()).isEqualTo("http://127.0.0.1:11434");

            ModelConfiguration dallE = target.model("dall-e-2");
            assertThat(dallE.active()).isFalse();
            assertThat(dallE.type()).isEqualTo(ModelType.IMAGE);
            assertThat(dallE.provider()).isEqualTo("openai");
            ModelConfiguration whisper = target.model("whisper-x");
            assertThat(whisper.provider()).isEqualTo("inference-service");
            assertThat(whisper.vendor()).isEqualTo("WhisperCo");
            assertThat(whisper.type()).isEqualTo(ModelType.SPEECH);

            assertThat(target.model("claude-3-5-sonnet"))
                    .as("rejected: carries a key")
                    .isNull();
            assertThat(target.model("gemini-huge")).isNull();
            assertThat(target.everything()).doesNotContain(ANTHROPIC_KEY);
            assertThat(report.secrets())
                    .extracting(SecretMove::provider, SecretMove::lastFour, SecretMove::disposition)
                    .containsExactly(tuple("anthropic", "9f3k", Disposition.NOT_MOVED));
        }
    }

    @Test
    void should_change_nothing_and_say_so_when_the_same_fixture_is_imported_twice() throws Exception {
        try (Target target = Target.h2()) {
            target.importer().run(awkwardFixture(), ImportOptions.defaults());
            List<String> afterFirst = target.catalog();

            ImportReport second = target.importer().run(awkwardFixture(), ImportOptions.defaults());

            assertThat(second.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(second.nothingChanged()).isTrue();
            assertThat(second.counts().created()).isZero();
            assertThat(second.counts().updated()).isZero();
            assertThat(second.counts().unchanged()).isEqualTo(8);
            assertThat(second.counts().rejected()).isEqualTo(7);
            assertThat(second.toText()).contains("nothing changed");
            assertThat(target.catalog()).isEqualTo(afterFirst);
        }
    }

    @Test
    void should_plan_every_row_and_write_nothing_when_dry_run() throws Exception {
        try (Target target = Target.h2()) {
            List<String> before = target.catalog();
            List<RowOutcome> progress = new ArrayList<>();

            ImportReport plan = target.importer()
                    .run(awkwardFixture(), ImportOptions.defaults().withDryRun(true), progress::add);

            assertThat(plan.status()).isEqualTo(ImportStatus.DRY_RUN);
            assertThat(plan.counts().created()).isEqualTo(5);
            assertThat(plan.rows(RowAction.CREATE))
                    .extracting(RowOutcome::catalogId)
                    .contains("gpt-4o", "dall-e-2", "whisper-x");
            assertThat(plan.rows(RowAction.UPDATE))
                    .extracting(RowOutcome::detail)
                    .containsExactly("changes displayName, description, vendor");
            assertThat(progress).hasSize(15);
            assertThat(target.catalog()).isEqualTo(before);
            assertThat(plan.toText()).startsWith("Dry run #").contains("nothing was written");
            assertThat(target.runs()).extracting(ImportRun::status).containsExactly(ImportStatus.DRY_RUN);
        }
    }

    @Test
    void should_write_nothing_and_list_every_rejection_when_strict_and_a_row_is_rejected() throws Exception {
        try (Target target = Target.h2()) {
            List<String> before = target.catalog();

            ImportReport report = target.importer()
                    .run(awkwardFixture(), ImportOptions.defaults().withStrict(true));

            assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(report.rows(RowAction.REJECTED)).hasSize(7);
            assertThat(target.catalog()).isEqualTo(before);
            assertThat(target.runs()).extracting(ImportRun::status).containsExactly(ImportStatus.REJECTED);
        }
    }

    @Test
    void should_commit_when_strict_and_every_row_is_valid() throws Exception {
        String fixture = """
                [{"model": "llm.modelconfiguration", "pk": 1, "fields": {"type": "Chat", "provider": "mistral",
                  "name": "mistral-large", "api_base": "", "ctx_length": 128000, "limit_requests": 10,
                  "limit_input": 0, "limit_output": 0, "vision": false, "kwargs": {}}}]
                """;
        try (Target target = Target.h2()) {
            ImportReport report = target.importer()
                    .run(
                            fixture("strict.json", fixture),
                            ImportOptions.defaults().withStrict(true));

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(target.model("mistral-large").limitRequestsPerMinute()).isEqualTo(10);
        }
    }

    @Test
    void should_hand_the_key_to_the_vault_and_keep_only_the_other_kwargs_when_a_secret_sink_is_given()
            throws Exception {
        try (Target target = Target.h2()) {
            CollectingSink vault = new CollectingSink();

            ImportReport report = target.importer(vault).run(awkwardFixture(), ImportOptions.defaults());

            assertThat(report.counts().created()).isEqualTo(6);
            assertThat(vault.stored)
                    .containsExactly(
                            new CollectingSink.Stored("anthropic", "imported:claude-3-5-sonnet", ANTHROPIC_KEY));
            ModelConfiguration claude = target.model("claude-3-5-sonnet");
            assertThat(claude.extraKwargsJson()).isEqualTo("{\"max_tokens\":1024}");
            assertThat(report.secrets())
                    .extracting(SecretMove::provider, SecretMove::label, SecretMove::lastFour, SecretMove::disposition)
                    .containsExactly(tuple("anthropic", "imported:claude-3-5-sonnet", "9f3k", Disposition.MOVED));
            assertThat(report.toJson()).doesNotContain(ANTHROPIC_KEY).contains("\"lastFour\":\"9f3k\"");
            assertThat(report.toText()).doesNotContain(ANTHROPIC_KEY).contains("key ...9f3k for anthropic");
            assertThat(target.everything()).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_write_nothing_and_never_quote_the_key_when_the_vault_refuses_it() throws Exception {
        try (Target target = Target.h2()) {
            List<String> before = target.catalog();
            SecretSink refusing = (provider, label, secret) -> {
                throw new IllegalStateException("vault sealed; was given " + secret);
            };

            ImportReport report = target.importer(refusing).run(awkwardFixture(), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure())
                    .isEqualTo(
                            "the vault refused the key for provider 'anthropic' (label 'imported:claude-3-5-sonnet'):"
                                    + " IllegalStateException");
            assertThat(report.secrets()).extracting(SecretMove::disposition).containsExactly(Disposition.NOT_MOVED);
            assertThat(target.catalog()).isEqualTo(before);
            assertThat(target.everything()).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_not_hand_any_key_to_the_vault_when_dry_run() throws Exception {
        try (Target target = Target.h2()) {
            CollectingSink vault = new CollectingSink();

            ImportReport plan = target.importer(vault)
                    .run(awkwardFixture(), ImportOptions.defaults().withDryRun(true));

            assertThat(vault.stored).isEmpty();
            assertThat(plan.secrets()).extracting(SecretMove::disposition).containsExactly(Disposition.WOULD_MOVE);
        }
    }

    @Test
    void should_import_the_row_without_its_key_when_secrets_are_dropped() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report = target.importer()
                    .run(awkwardFixture(), ImportOptions.defaults().withDropSecrets(true));

            assertThat(target.model("claude-3-5-sonnet").extraKwargsJson()).isEqualTo("{\"max_tokens\":1024}");
            assertThat(report.secrets()).extracting(SecretMove::disposition).containsExactly(Disposition.DROPPED);
            assertThat(report.rows())
                    .filteredOn(row -> "claude-3-5-sonnet".equals(row.catalogId()))
                    .extracting(RowOutcome::detail)
                    .containsExactly("an API key dropped (--drop-secrets)");
            assertThat(target.everything()).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_write_nothing_and_record_the_failure_when_the_fixture_breaks_off_mid_run() throws Exception {
        StringBuilder truncated = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            truncated.append(i == 0 ? "" : ",").append(FixtureGenerator.configurationRecord(i));
        }
        truncated.append(",{\"model\": \"llm.modelconfiguration\", \"pk\": 41, \"fields\": {\"type\": \"Ch");
        try (Target target = Target.h2()) {
            List<String> before = target.catalog();

            ImportReport report = target.importer()
                    .run(
                            fixture("cut.json", truncated.toString()),
                            ImportOptions.defaults().withBatchSize(10));

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure()).startsWith("fixture cut.json is not a valid dumpdata JSON array");
            assertThat(report.planned().created())
                    .as("planned before the failure")
                    .isEqualTo(40);
            assertThat(report.counts().created())
                    .as("a failed run wrote nothing")
                    .isZero();
            assertThat(target.catalog()).isEqualTo(before);
            ImportRun run = target.runs().get(0);
            assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(run.sourceKind()).isEqualTo(ImportSourceKind.DJANGO_FIXTURE);
            assertThat(run.failure()).contains("not a valid dumpdata JSON array");
        }
    }

    @Test
    void should_fail_with_a_clear_message_when_the_file_is_not_a_dumpdata_array() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report = target.importer()
                    .run(fixture("object.json", "{\"model\": \"llm.model\"}"), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure())
                    .isEqualTo("fixture object.json is not a dumpdata JSON array (it must start with '[')");
        }
    }

    @Test
    void should_record_each_run_with_its_counts_and_report_so_the_console_can_list_them() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport first = target.importer().run(awkwardFixture(), ImportOptions.defaults());
            target.importer().run(awkwardFixture(), ImportOptions.defaults().withDryRun(true));

            List<ImportRun> runs = target.runs();

            assertThat(runs).hasSize(2);
            ImportRun run = runs.get(0);
            assertThat(run.id()).isEqualTo(first.runId());
            assertThat(run.sourceDescription()).isEqualTo("fixture dumpdata-awkward.json");
            assertThat(run.dryRun()).isFalse();
            assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
            assertThat(run.counts()).isEqualTo(first.counts());
            JsonObject json =
                    Json.createReader(new StringReader(run.reportJson())).readObject();
            assertThat(json.getString("status")).isEqualTo("COMMITTED");
            assertThat(json.getJsonObject("counts").getInt("created")).isEqualTo(5);
            assertThat(json.getJsonArray("rows")).hasSize(15);
            assertThat(runs.get(1).dryRun()).isTrue();
        }
    }

    @Test
    void should_import_the_fixture_into_postgresql_and_change_nothing_on_the_second_run() throws Exception {
        try (Target target = Target.postgres()) {
            ImportReport first = target.importer().run(awkwardFixture(), ImportOptions.defaults());
            ImportReport second = target.importer().run(awkwardFixture(), ImportOptions.defaults());

            assertThat(first.counts().created()).isEqualTo(5);
            assertThat(second.nothingChanged()).isTrue();
            assertThat(target.model("modele-d-integration-francais").displayName())
                    .isEqualTo("Modèle d’intégration français");
        }
    }

    static LegacySource fixture(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return LegacySource.fixture(name, () -> new ByteArrayInputStream(bytes), FixtureModels.defaults());
    }

    static String sha256Prefix(String text) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    }
}
