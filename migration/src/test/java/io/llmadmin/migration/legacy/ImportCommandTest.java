package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.migration.legacy.Databases.Schema;
import io.llmadmin.migration.legacy.internal.DriverManagerDataSource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against an H2 file database (and a PostgreSQL legacy database). */
class ImportCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new ImportCommand(
                        environment::get,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String targetUrl() {
        return "jdbc:h2:" + directory.resolve("llmadmin").toAbsolutePath();
    }

    private String fixture() {
        return FixtureImportTest.resource("dumpdata-awkward.json").toString();
    }

    private List<String> catalog() throws Exception {
        return Databases.rows(new DriverManagerDataSource(targetUrl(), "sa", ""), "model_configuration");
    }

    @Test
    void should_migrate_the_target_import_and_print_the_report_then_say_nothing_changed_when_run_again() {
        int first = run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl());
        String firstOutput = out();
        int second = run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl());

        assertThat(first).isZero();
        assertThat(firstOutput)
                .startsWith("Import #1000 from fixture dumpdata-awkward.json: committed\n")
                .contains("17 read: 5 created, 1 updated, 2 unchanged, 7 rejected, 2 ignored; 1 API key(s) found")
                .contains("REJECTED  claude-3-5-sonnet")
                .contains("key ...9f3k for anthropic")
                .doesNotContain(FixtureImportTest.ANTHROPIC_KEY);
        assertThat(second).isZero();
        assertThat(out()).startsWith("Import #1001 from fixture dumpdata-awkward.json: nothing changed");
    }

    @Test
    void should_print_the_report_as_json_when_asked() {
        int status = run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl(), "--json");

        JsonObject report = Json.createReader(new StringReader(out())).readObject();
        assertThat(status).isZero();
        assertThat(report.getString("status")).isEqualTo("COMMITTED");
        assertThat(report.getJsonObject("counts").getInt("rejected")).isEqualTo(7);
    }

    @Test
    void should_write_nothing_when_dry_run_and_fail_with_status_3_when_strict() throws Exception {
        run(
                Map.of(),
                "--from-settings",
                FixtureImportTest.resource("settings-awkward.json").toString(),
                "--target-url",
                targetUrl(),
                "--drop-secrets");
        List<String> before = catalog();

        int dryRun = run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl(), "--dry-run");
        String plan = out();
        int strict = run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl(), "--strict");

        assertThat(dryRun).isZero();
        assertThat(plan).contains("plan only; nothing was written").contains("CREATE    gpt-4o");
        assertThat(strict).isEqualTo(3);
        assertThat(out()).contains("rejected (strict): nothing was written");
        assertThat(catalog()).isEqualTo(before);
    }

    @Test
    void should_refuse_a_password_given_as_an_argument() {
        int status =
                run(Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl(), "--target-password", "hunter2");

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("--target-password is not accepted: pass the name of an environment variable");
    }

    @Test
    void should_say_which_variable_is_missing_when_the_password_variable_is_not_set() {
        int status = run(
                Map.of(), "--from-fixture", fixture(), "--target-url", targetUrl(), "--target-password-env", "NOPE");

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("--target-password-env: environment variable NOPE is not set");
    }

    @Test
    void should_ask_for_exactly_one_source() {
        int status = run(Map.of(), "--target-url", targetUrl());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("give exactly one source");
    }

    @Test
    void should_read_a_live_django_database_with_the_password_from_the_environment() throws Exception {
        try (Schema legacy = Databases.freshPostgresSchema()) {
            DjangoDatabaseImportTest.createLegacyDatabase(legacy, "jsonb");
            String url = legacy.dataSource().getURL() + "?currentSchema=" + legacy.name();

            int status = run(
                    Map.of("LEGACY_DB_PASSWORD", "not-printed-anywhere"),
                    "--from-django-db",
                    url,
                    "--django-user",
                    legacy.dataSource().getUser(),
                    "--django-password-env",
                    "LEGACY_DB_PASSWORD",
                    "--target-url",
                    targetUrl(),
                    "--json");

            assertThat(status).as(err()).isZero();
            JsonObject report = Json.createReader(new StringReader(out())).readObject();
            assertThat(report.getJsonObject("counts").getInt("created")).isEqualTo(4);
            assertThat(report.getString("source"))
                    .doesNotContain("currentSchema")
                    .startsWith("jdbc:postgresql://");
            assertThat(out())
                    .doesNotContain("not-printed-anywhere")
                    .doesNotContain(DjangoDatabaseImportTest.OPENAI_KEY);
        }
    }

    @Test
    void should_refuse_a_database_host_that_is_neither_loopback_nor_configured_before_connecting() {
        int status = run(
                Map.of(),
                "--from-django-db",
                "jdbc:postgresql://db.legacy.invalid:5432/legacy",
                "--target-url",
                targetUrl());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("'db.legacy.invalid' is not one the import may connect to");
        assertThat(out()).isEmpty();
    }

    @Test
    void should_check_every_host_of_a_multi_host_url_and_ignore_user_info() {
        int status = run(
                Map.of(),
                "--from-django-db",
                "jdbc:postgresql://user:pw-not-shown@127.0.0.1:5432,10.1.2.3:5432/legacy",
                "--target-url",
                targetUrl());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("'10.1.2.3' is not one").doesNotContain("pw-not-shown");
    }

    @Test
    void should_let_a_host_the_operator_configured_through_like_the_server_does() {
        String url = "jdbc:postgresql://legacy-db.invalid:5432/legacy";

        int denied = run(Map.of(), "--from-django-db", url, "--target-url", targetUrl());
        String deniedErr = err();
        int allowed = run(
                Map.of("LLMADMIN_IMPORT_DATABASE_HOSTS", " Legacy-DB.invalid , other.invalid"),
                "--from-django-db",
                url,
                "--target-url",
                targetUrl(),
                "--dry-run");

        assertThat(denied).isEqualTo(2);
        assertThat(deniedErr).contains("is not one the import may connect to (loopback only)");
        // Past the list the command really connects; the name resolves nowhere, so the run fails (1), not usage (2).
        assertThat(allowed).as(err()).isEqualTo(1);
        assertThat(err()).doesNotContain("may connect to");
    }
}
