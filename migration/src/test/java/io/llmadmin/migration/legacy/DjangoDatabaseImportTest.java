package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.Databases.Schema;
import io.llmadmin.migration.legacy.Databases.Target;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Imports from a live Django database on the real PostgreSQL: the legacy tables are created the way Django's
 * migrations create them (bigserial ids, {@code kwargs} as jsonb or as text, Django's bookkeeping tables beside them)
 * in one schema, and imported into a migrated llm-admin database in another.
 */
class DjangoDatabaseImportTest {

    static final String OPENAI_KEY = "sk-test-django-000000000000beef";

    /** Creates the legacy app's tables and awkward rows, with {@code kwargs} of the given column type. */
    static void createLegacyDatabase(Schema legacy, String kwargsType) throws SQLException {
        legacy.execute(
                "CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,"
                        + " name varchar(255) NOT NULL, applied timestamp with time zone NOT NULL)",
                "INSERT INTO django_migrations (app, name, applied) VALUES"
                        + " ('contenttypes', '0001_initial', now()), ('llm', '0001_initial', now()),"
                        + " ('llm', '0002_model', now())",
                "CREATE TABLE django_content_type (id serial PRIMARY KEY, app_label varchar(100) NOT NULL,"
                        + " model varchar(100) NOT NULL, UNIQUE (app_label, model))",
                "INSERT INTO django_content_type (app_label, model) VALUES ('llm', 'modelconfiguration'),"
                        + " ('llm', 'model')",
                "CREATE TABLE llm_modelconfiguration (id bigserial PRIMARY KEY, type varchar(20) NOT NULL,"
                        + " provider varchar(100) NOT NULL, name varchar(200) NOT NULL, api_base varchar(200) NULL,"
                        + " ctx_length bigint NOT NULL, limit_requests integer NOT NULL, limit_input integer NOT NULL,"
                        + " limit_output integer NOT NULL, vision boolean NOT NULL, kwargs " + kwargsType + " NULL)",
                "CREATE TABLE llm_model (id varchar(100) PRIMARY KEY, name varchar(255) NOT NULL,"
                        + " description text NOT NULL, context_length integer NOT NULL, model_type varchar(50) NOT NULL,"
                        + " is_active boolean NOT NULL, provider varchar(100) NOT NULL,"
                        + " created_at timestamp with time zone NOT NULL)",
                insertConfiguration(
                        "Chat",
                        "openai",
                        "gpt-4o",
                        "''",
                        128000,
                        60,
                        "'{\"temperature\": 0.2,"
                                + " \"response_format\": {\"type\": \"json_object\", \"schema\": {\"nested\": [1, {\"deep\": true}]}}}'"),
                insertConfiguration(
                        "Embedding", "huggingface", "Modèle d’intégration français", "NULL", 512, 0, "NULL"),
                insertConfiguration("Chat", "ollama", "通义千问", "'http://127.0.0.1:11434'", 32768, 0, "'{}'"),
                insertConfiguration("Chat", "openai", "gpt-4o", "''", 64000, 0, "'{}'"),
                insertConfiguration("Chat", "gemini", "gemini-huge", "''", 5_000_000_000L, 0, "'{}'"),
                insertConfiguration(
                        "Chat",
                        "openai",
                        "gpt-4o-mini",
                        "''",
                        128000,
                        0,
                        "'{\"api_key\": \"" + OPENAI_KEY + "\", \"max_tokens\": 512}'"),
                "INSERT INTO llm_model VALUES ('gpt-4o', 'GPT-4o', 'Omni model', 128000, 'chat', true, 'OpenAI', now()),"
                        + " ('dall-e-2', 'DALL·E 2', 'Retired', 0, 'image', false, 'OpenAI', now()),"
                        + " ('sdxl', 'Stable Diffusion XL', 'High-quality image generation', 0, 'image', true,"
                        + " 'StabilityAI', now())");
    }

    static String insertConfiguration(
            String type, String provider, String name, String apiBase, long ctx, int requests, String kwargs) {
        return "INSERT INTO llm_modelconfiguration (type, provider, name, api_base, ctx_length, limit_requests,"
                + " limit_input, limit_output, vision, kwargs) VALUES ('" + type + "', '" + provider + "', '" + name
                + "', " + apiBase + ", " + ctx + ", " + requests + ", 0, 0, false, " + kwargs + ")";
    }

    static LegacySource source(Schema legacy) {
        return LegacySource.djangoDatabase(
                legacy.dataSource(), "jdbc:postgresql://127.0.0.1:5432/test", DjangoTables.defaults());
    }

    @Test
    void should_import_valid_rows_reject_the_others_and_leave_django_tables_alone_when_kwargs_is_jsonb()
            throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            createLegacyDatabase(legacy, "jsonb");
            List<String> migrations = Databases.rows(legacy.dataSource(), "django_migrations");
            List<String> contentTypes = Databases.rows(legacy.dataSource(), "django_content_type");
            List<String> legacyRows = Databases.rows(legacy.dataSource(), "llm_modelconfiguration");

            ImportReport report = target.importer().run(source(legacy), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(report.sourceKind()).isEqualTo(ImportSourceKind.DJANGO_DATABASE);
            assertThat(report.counts().read()).isEqualTo(9);
            assertThat(report.counts().created()).isEqualTo(4);
            assertThat(report.counts().updated())
                    .as("gpt-4o described, sdxl seeded already")
                    .isEqualTo(1);
            assertThat(report.counts().unchanged()).as("sdxl matches the seed").isEqualTo(1);
            assertThat(report.rows(RowAction.REJECTED))
                    .extracting(RowOutcome::reference, RowOutcome::detail)
                    .containsExactly(
                            tuple(
                                    "llm_modelconfiguration id=4",
                                    "duplicate: an earlier configuration row of this input has catalog id 'gpt-4o'"),
                            tuple(
                                    "llm_modelconfiguration id=5",
                                    "ctx_length 5000000000 is larger than the largest supported, 2147483647"),
                            tuple(
                                    "llm_modelconfiguration id=6",
                                    "carries an API key: import it through the admin API so the key lands encrypted"
                                            + " in the vault"));
            ModelConfiguration gpt4o = target.model("gpt-4o");
            assertThat(gpt4o.displayName()).isEqualTo("GPT-4o");
            assertThat(gpt4o.limitRequestsPerMinute()).isEqualTo(60);
            assertThat(gpt4o.extraKwargsJson()).contains("\"schema\":{\"nested\":[1,{\"deep\":true}]}");
            assertThat(target.model("modele-d-integration-francais").apiBase()).isNull();
            assertThat(target.model("dall-e-2").active()).isFalse();
            assertThat(target.everything()).doesNotContain(OPENAI_KEY);
            assertThat(Databases.rows(legacy.dataSource(), "django_migrations")).isEqualTo(migrations);
            assertThat(Databases.rows(legacy.dataSource(), "django_content_type"))
                    .isEqualTo(contentTypes);
            assertThat(Databases.rows(legacy.dataSource(), "llm_modelconfiguration"))
                    .isEqualTo(legacyRows);
        }
    }

    @Test
    void should_reject_broken_json_and_change_nothing_on_the_second_run_when_kwargs_is_text() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            createLegacyDatabase(legacy, "text");
            legacy.execute(insertConfiguration("Chat", "anthropic", "claude-broken", "''", 200000, 0, "'{\"a\": 1,'"));
            CollectingSink vault = new CollectingSink();

            ImportReport first = target.importer(vault).run(source(legacy), ImportOptions.defaults());
            List<String> afterFirst = target.catalog();
            ImportReport second = target.importer(vault).run(source(legacy), ImportOptions.defaults());

            assertThat(first.rows(RowAction.REJECTED))
                    .extracting(RowOutcome::reference, RowOutcome::detail)
                    .contains(tuple("llm_modelconfiguration id=7", "kwargs is not valid JSON (it ends early)"));
            assertThat(first.counts().created())
                    .as("gpt-4o-mini too: its key went to the vault")
                    .isEqualTo(5);
            assertThat(target.model("gpt-4o-mini").extraKwargsJson()).isEqualTo("{\"max_tokens\":512}");
            assertThat(second.nothingChanged()).isTrue();
            assertThat(second.toText()).contains("nothing changed");
            assertThat(target.catalog()).isEqualTo(afterFirst);
            assertThat(target.everything()).doesNotContain(OPENAI_KEY);
        }
    }

    @Test
    void should_write_nothing_when_the_database_fails_mid_run() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            createLegacyDatabase(legacy, "jsonb");
            for (int i = 0; i < 12; i++) {
                legacy.execute(insertConfiguration("Chat", "groq", "filler-" + i, "''", 8192, 0, "'{}'"));
            }
            legacy.execute(insertConfiguration("Chat", "groq", "poison", "''", 8192, 0, "'{}'"));
            target.schema()
                    .execute(
                            "CREATE FUNCTION fail_on_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                                    + " IF NEW.catalog_id = 'poison' THEN RAISE EXCEPTION 'injected failure'; END IF;"
                                    + " RETURN NEW; END $$",
                            "CREATE TRIGGER poison BEFORE INSERT ON model_configuration FOR EACH ROW"
                                    + " EXECUTE FUNCTION fail_on_poison()");
            List<String> before = target.catalog();

            ImportReport report = target.importer()
                    .run(source(legacy), ImportOptions.defaults().withBatchSize(3));

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure()).contains("injected failure");
            assertThat(report.planned().created())
                    .as("rows written in earlier batches, then rolled back")
                    .isGreaterThan(10);
            assertThat(report.counts().created())
                    .as("a failed run wrote nothing")
                    .isZero();
            assertThat(target.catalog()).isEqualTo(before);
            ImportRun run = target.runs().get(0);
            assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(run.failure()).contains("injected failure");
        }
    }

    @Test
    void should_write_nothing_when_dry_run_or_strict() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            createLegacyDatabase(legacy, "jsonb");
            List<String> before = target.catalog();

            ImportReport plan = target.importer()
                    .run(source(legacy), ImportOptions.defaults().withDryRun(true));
            ImportReport strict = target.importer()
                    .run(source(legacy), ImportOptions.defaults().withStrict(true));

            assertThat(plan.status()).isEqualTo(ImportStatus.DRY_RUN);
            assertThat(plan.counts().created()).isEqualTo(4);
            assertThat(strict.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(target.catalog()).isEqualTo(before);
        }
    }

    @Test
    void should_read_the_tables_of_an_app_with_another_label_and_skip_a_missing_metadata_table() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            legacy.execute(
                    "CREATE TABLE ai_modelconfiguration (id bigserial PRIMARY KEY, type varchar(20) NOT NULL,"
                            + " provider varchar(100) NOT NULL, name varchar(200) NOT NULL)",
                    "INSERT INTO ai_modelconfiguration (type, provider, name) VALUES ('Chat', 'deepseek',"
                            + " 'deepseek-chat')");
            LegacySource source = LegacySource.djangoDatabase(
                    legacy.dataSource(), "legacy", new DjangoTables("ai_modelconfiguration", "ai_model"));

            ImportReport report = target.importer().run(source, ImportOptions.defaults());

            assertThat(report.counts().created()).isEqualTo(1);
            assertThat(report.notes())
                    .containsExactly("table ai_model not found (SQL state 42P01): no catalog metadata read");
            assertThat(target.model("deepseek-chat").provider()).isEqualTo("deepseek");
        }
    }

    @Test
    void should_fail_with_a_clear_message_when_the_configuration_table_does_not_exist() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema();
                Target target = Target.postgres()) {
            ImportReport report = target.importer().run(source(legacy), ImportOptions.defaults());

            assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(report.failure())
                    .isEqualTo("Django database jdbc:postgresql://127.0.0.1:5432/test: table llm_modelconfiguration"
                            + " not found (SQL state 42P01) (pass the table names of your app)");
        }
    }
}
