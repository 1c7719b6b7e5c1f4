package it.llmadmin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItSecrets;
import it.llmadmin.ServerUnderTest;
import it.llmadmin.admin.DjangoDatabases.CatalogEntry;
import it.llmadmin.admin.DjangoDatabases.Configuration;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Django import as an operator runs it, through the running server: from a PostgreSQL or MariaDB database made
 * the way Django makes one (an {@code llm} app for the configurations, a {@code catalog} app for the frontend
 * catalog), and from an uploaded {@code db.sqlite3}.
 */
class DjangoDatabaseImportIT {

    private static final String KEY = ItSecrets.DJANGO_KEY;
    private static final String DB_PASSWORD = ItSecrets.DJANGO_DATABASE_PASSWORD;

    private record Legacy(String good, List<Configuration> rows, List<CatalogEntry> catalog) {}

    /** One good row (with a key, and its catalog entry in the other app), one bad provider, one oversized kwargs. */
    private static Legacy legacy(String prefix) {
        String good = AdminClient.unique(prefix);
        String huge = "{\"temperature\": 0.1, \"system\": \"" + "x".repeat(25_000) + "\"}";
        return new Legacy(
                good,
                List.of(
                        new Configuration(
                                "Chat",
                                "openai",
                                good,
                                "{\"temperature\": 0.2, \"api_key\": \"" + KEY + "\", \"fallbacks\": [\"" + good
                                        + "-backup\", \"no-such-model\"], \"safety_settings\": []}"),
                        new Configuration("Chat", "openai", good + "-backup", "{}"),
                        new Configuration("Chat", "not-a-provider", good + "-badprovider", "{}"),
                        new Configuration("Chat", "openai", good + "-huge", huge)),
                List.of(new CatalogEntry(good, "Imported " + good, "from the catalog app", "chat", true)));
    }

    private static String body(String url, String user, String password, String options) {
        return "{\"jdbcUrl\": \"" + url + "\", \"user\": \"" + user + "\", \"password\": \"" + password + "\","
                + " \"metadataTable\": \"catalog_model\"" + options + "}";
    }

    @Test
    void should_import_from_a_django_postgresql_database_dry_strict_real_and_again() {
        Legacy legacy = legacy("it-pg");
        String database = "django_it_" + legacy.good().substring(legacy.good().length() - 8);
        String url = DjangoDatabases.createPostgres(database, DB_PASSWORD, legacy.rows(), legacy.catalog());
        AdminClient admin = AdminClient.admin();
        try {
            runEveryWay(
                    admin,
                    legacy,
                    "/api/admin/imports/django",
                    options -> admin.post(
                            "/api/admin/imports/django" + options.query(),
                            body(url, database, DB_PASSWORD, options.body())));
        } finally {
            AdminClient.deleteQuietly(legacy.good());
            AdminClient.deleteQuietly(legacy.good() + "-backup");
            DjangoDatabases.dropPostgres(database);
        }
    }

    @Test
    void should_import_from_a_django_mariadb_database() {
        Legacy legacy = legacy("it-maria");
        String database = "django_it_" + legacy.good().substring(legacy.good().length() - 8);
        String url = DjangoDatabases.createMariaDb(database, legacy.rows(), legacy.catalog());
        AdminClient admin = AdminClient.admin();
        try {
            String request = body(url, "root", "", "");
            HttpResponse<String> real = admin.post("/api/admin/imports/django", request);
            assertCommittedOnce(legacy, real);
            assertNothingMoved(admin.post("/api/admin/imports/django", request));
        } finally {
            AdminClient.deleteQuietly(legacy.good());
            AdminClient.deleteQuietly(legacy.good() + "-backup");
            DjangoDatabases.dropMariaDb(database);
        }
    }

    @Test
    void should_import_an_uploaded_django_sqlite_file() throws Exception {
        Legacy legacy = legacy("it-sqlite");
        byte[] file = DjangoDatabases.sqliteFile(legacy.rows(), legacy.catalog());
        AdminClient admin = AdminClient.admin();
        try {
            runEveryWay(
                    admin,
                    legacy,
                    "/api/admin/imports/django/sqlite",
                    options -> upload(
                            admin,
                            "/api/admin/imports/django/sqlite?metadataTable=catalog_model"
                                    + options.query().replace('?', '&'),
                            file));
            assertThat(upload(admin, "/api/admin/imports/django/sqlite", "not a database".getBytes())
                            .statusCode())
                    .isEqualTo(400);
        } finally {
            AdminClient.deleteQuietly(legacy.good());
            AdminClient.deleteQuietly(legacy.good() + "-backup");
        }
    }

    private record Options(String query, String body) {}

    private interface Call {
        HttpResponse<String> with(Options options);
    }

    private static void runEveryWay(AdminClient admin, Legacy legacy, String path, Call call) {
        HttpResponse<String> dry = call.with(new Options("?dryRun=true", ""));
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonObject dryReport = AdminClient.json(dry);
        assertThat(dryReport.getString("status")).isEqualTo("DRY_RUN");
        assertThat(dryReport.getJsonObject("counts").getInt("created")).isEqualTo(2);
        assertThat(ServerUnderTest.get("/v1/models/" + legacy.good()).statusCode())
                .isEqualTo(404);

        HttpResponse<String> strict = call.with(new Options("?strict=true", ""));
        assertThat(strict.statusCode()).isEqualTo(422);
        JsonObject strictReport = AdminClient.json(strict);
        assertThat(strictReport.getString("status")).isEqualTo("REJECTED");
        assertThat(strictReport.getJsonObject("counts").getInt("created")).isZero();
        assertThat(strictReport.getJsonObject("planned").getInt("created")).isEqualTo(2);
        assertThat(ServerUnderTest.get("/v1/models/" + legacy.good()).statusCode())
                .isEqualTo(404);

        assertThat(call.with(new Options("?dryRun=yes", "")).statusCode()).isEqualTo(400);

        assertCommittedOnce(legacy, call.with(new Options("", "")));
        JsonObject audit =
                AdminClient.json(admin.get("/api/admin/audit?entityType=ModelConfiguration&entityId=" + legacy.good()));
        assertThat(audit.toString()).contains("\"CREATE\"").doesNotContain(KEY);

        assertNothingMoved(call.with(new Options("", "")));
        String runs = admin.get("/api/admin/imports").body();
        assertThat(runs).doesNotContain(KEY).doesNotContain(DB_PASSWORD).contains("\"created\":");
        assertServerLogsHoldNoSecret();
    }

    /** The server's logs and FFDC dumps (the IT server runs from this module's target directory). */
    private static void assertServerLogsHoldNoSecret() {
        java.nio.file.Path logs = java.nio.file.Path.of("target/liberty/wlp/usr/servers/llmadmin-it/logs");
        if (!java.nio.file.Files.isDirectory(logs)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(logs)) {
            for (java.nio.file.Path file :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text =
                        new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain(KEY).doesNotContain(DB_PASSWORD);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertCommittedOnce(Legacy legacy, HttpResponse<String> real) {
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(real.body()).doesNotContain(KEY).doesNotContain(DB_PASSWORD);
        JsonObject report = AdminClient.json(real);
        assertThat(report.getString("status")).isEqualTo("COMMITTED");
        assertThat(report.getJsonObject("counts").getInt("created")).isEqualTo(2);
        assertThat(report.getJsonObject("counts").getInt("rejected")).isEqualTo(2);
        assertThat(report.toString())
                .contains("fallbacks unknown, not applied: no-such-model")
                .contains("kwargs kept, not applied: safety_settings");
        assertThat(report.getInt("keysStored")).isEqualTo(1);
        assertThat(report.getJsonArray("secrets").getJsonObject(0).getString("disposition"))
                .isEqualTo("MOVED");
        assertThat(report.toString()).contains("provider").contains("extraKwargs: must be at most 20000 characters");
        HttpResponse<String> model = AdminClient.admin().get("/api/admin/models/" + legacy.good());
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.body())
                .contains("Imported " + legacy.good())
                .contains("temperature")
                .doesNotContain(KEY);
        assertThat(AdminClient.json(model).getJsonArray("fallbacks").getString(0))
                .isEqualTo(legacy.good() + "-backup");
    }

    private static void assertNothingMoved(HttpResponse<String> again) {
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonObject report = AdminClient.json(again);
        assertThat(report.getBoolean("nothingChanged")).isTrue();
        assertThat(report.getJsonObject("counts").getInt("created")).isZero();
        assertThat(report.getJsonObject("counts").getInt("updated")).isZero();
        assertThat(report.getInt("keysStored")).isZero();
        assertThat(report.getJsonArray("secrets").getJsonObject(0).getString("disposition"))
                .isEqualTo("ALREADY_STORED");
    }

    private static HttpResponse<String> upload(AdminClient admin, String path, byte[] file) {
        return ServerUnderTest.send(admin.request(path)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build());
    }
}
