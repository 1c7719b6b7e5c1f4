package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.legacy.Databases.Target;
import io.llmadmin.migration.legacy.SecretMove.Disposition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Imports of the legacy agent's settings JSON ({@code tmp/settings.json}). */
class AgentSettingsImportTest {

    static final String OPENAI_KEY = "sk-proj-test-0000000000001a2b";
    static final String ANTHROPIC_KEY = "sk-ant-test-0000000000007c8d";

    static LegacySource settings() {
        return LegacySource.agentSettings(FixtureImportTest.resource("settings-awkward.json"));
    }

    @Test
    void should_import_each_named_model_family_and_move_every_key_to_the_vault_when_a_sink_is_given() throws Exception {
        try (Target target = Target.h2()) {
            CollectingSink vault = new CollectingSink();

            ImportReport report = target.importer(vault).run(settings(), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(report.counts().created()).isEqualTo(3);
            assertThat(report.counts().ignored())
                    .as("browser_model has no name")
                    .isEqualTo(1);
            ModelConfiguration chat = target.model("gpt-4.1-mini");
            assertThat(chat.type()).isEqualTo(ModelType.CHAT);
            assertThat(chat.provider()).isEqualTo("openai");
            assertThat(chat.contextLength()).isEqualTo(100_000);
            assertThat(chat.vision()).isTrue();
            assertThat(chat.extraKwargsJson()).isEqualTo("{\"temperature\":\"0\"}");
            ModelConfiguration util = target.model("openai-gpt-4.1-nano");
            assertThat(util.provider()).isEqualTo("openrouter");
            assertThat(util.providerModelName()).isEqualTo("openai/gpt-4.1-nano");
            assertThat(util.limitRequestsPerMinute()).isEqualTo(30);
            assertThat(util.contextLength()).as("absent ctx_length").isZero();
            assertThat(util.extraKwargsJson())
                    .isEqualTo(
                            "{\"extra_headers\":{\"HTTP-Referer\":\"https://agent.example\",\"X-Title\":\"Agent\"}}");
            ModelConfiguration embed = target.model("sentence-transformers-all-minilm-l6-v2");
            assertThat(embed.type()).isEqualTo(ModelType.EMBEDDING);
            assertThat(embed.extraKwargsJson()).isNull();
            assertThat(vault.stored)
                    .containsExactlyInAnyOrder(
                            new CollectingSink.Stored("openai", "imported:gpt-4.1-mini", OPENAI_KEY),
                            new CollectingSink.Stored("anthropic", "imported:settings", ANTHROPIC_KEY));
            assertThat(report.secrets())
                    .extracting(SecretMove::provider, SecretMove::lastFour, SecretMove::disposition)
                    .containsExactly(
                            tuple("openai", "1a2b", Disposition.MOVED), tuple("anthropic", "7c8d", Disposition.MOVED));
            assertThat(target.everything()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
            assertThat(report.toText()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_reject_the_rows_carrying_keys_and_import_the_others_when_there_is_no_vault() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report = target.importer().run(settings(), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(report.counts().created()).isEqualTo(2);
            assertThat(report.rows(RowAction.REJECTED))
                    .extracting(RowOutcome::reference, RowOutcome::detail)
                    .containsExactly(
                            tuple(
                                    "settings chat_model",
                                    "carries an API key: import it through the admin API so the key lands encrypted"
                                            + " in the vault"),
                            tuple(
                                    "settings api_keys.anthropic",
                                    "carries an API key: import it through the admin API so the key lands encrypted"
                                            + " in the vault"));
            assertThat(target.model("gpt-4.1-mini")).isNull();
            assertThat(report.secrets()).extracting(SecretMove::disposition).containsOnly(Disposition.NOT_MOVED);
            assertThat(report.toJson()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_import_every_family_without_its_key_when_secrets_are_dropped() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report =
                    target.importer().run(settings(), ImportOptions.defaults().withDropSecrets(true));

            assertThat(report.counts().created()).isEqualTo(3);
            assertThat(report.counts().rejected()).isZero();
            assertThat(report.secrets()).extracting(SecretMove::disposition).containsOnly(Disposition.DROPPED);
            assertThat(target.everything()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        }
    }

    @Test
    void should_change_nothing_when_the_settings_are_imported_again() throws Exception {
        try (Target target = Target.h2()) {
            CollectingSink vault = new CollectingSink();
            target.importer(vault).run(settings(), ImportOptions.defaults());

            ImportReport second = target.importer(vault).run(settings(), ImportOptions.defaults());

            assertThat(second.nothingChanged()).isTrue();
            assertThat(second.counts().unchanged()).isEqualTo(3);
        }
    }

    @Test
    void should_update_the_model_when_the_settings_changed_since_the_last_import() throws Exception {
        String before =
                "{\"chat_model_provider\": \"OLLAMA\", \"chat_model_name\": \"llama3.1\", \"chat_model_ctx_length\": 8192}";
        String after = "{\"chat_model_provider\": \"OLLAMA\", \"chat_model_name\": \"llama3.1\","
                + " \"chat_model_ctx_length\": 131072, \"chat_model_api_base\": \"http://127.0.0.1:11434\"}";
        try (Target target = Target.h2()) {
            target.importer().run(settingsOf(before), ImportOptions.defaults());

            ImportReport report = target.importer().run(settingsOf(after), ImportOptions.defaults());

            assertThat(report.rows())
                    .extracting(RowOutcome::action, RowOutcome::detail)
                    .containsExactly(tuple(RowAction.UPDATE, "changes contextLength, apiBase"));
            assertThat(target.model("llama3.1").contextLength()).isEqualTo(131_072);
        }
    }

    @Test
    void should_find_keys_in_every_legacy_spelling_of_a_settings_key_field() throws Exception {
        String json = "{\"api_key_openai\": \"sk-test-spelling-one-0001\", \"groq_api_key\": \"gsk-test-two-0002\","
                + " \"util_model_name\": \"llama3.1\", \"util_model_provider\": \"OLLAMA\","
                + " \"util_model_api_key\": \"ollama-test-three-0003\"}";
        try (Target target = Target.h2()) {
            CollectingSink vault = new CollectingSink();

            ImportReport report = target.importer(vault).run(settingsOf(json), ImportOptions.defaults());

            assertThat(vault.stored)
                    .containsExactlyInAnyOrder(
                            new CollectingSink.Stored("ollama", "imported:llama3.1", "ollama-test-three-0003"),
                            new CollectingSink.Stored("openai", "imported:settings", "sk-test-spelling-one-0001"),
                            new CollectingSink.Stored("groq", "imported:settings", "gsk-test-two-0002"));
            assertThat(report.counts().secrets()).isEqualTo(3);
            assertThat(target.model("llama3.1").extraKwargsJson()).isNull();
        }
    }

    @Test
    void should_fail_with_a_clear_message_when_the_settings_file_is_not_json() throws Exception {
        try (Target target = Target.h2()) {
            ImportReport report = target.importer().run(settingsOf("chat_model_name=gpt-4o"), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure()).startsWith("settings inline.json is not valid JSON");
        }
    }

    private static LegacySource settingsOf(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return LegacySource.agentSettings("inline.json", () -> new ByteArrayInputStream(bytes));
    }
}
