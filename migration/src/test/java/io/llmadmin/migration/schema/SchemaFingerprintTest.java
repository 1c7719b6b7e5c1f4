package io.llmadmin.migration.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on a database already migrated by this build skips Liquibase; any other database still gets every
 * changeset it lacks.
 */
class SchemaFingerprintTest {

    private static final String MASTER = """
            <databaseChangeLog>
                <include file="changes/001_a.xml" relativeToChangelogFile="true"/>
                <include file="changes/002_b.xml" relativeToChangelogFile="true"/>
            </databaseChangeLog>
            """;

    @TempDir
    Path changelogs;

    @Test
    void should_skip_liquibase_on_a_restart_once_this_build_has_migrated_the_database() {
        DataSource h2 = TestDatabases.freshH2();

        assertThat(new SchemaMigrator(h2).migrate()).isEqualTo(SchemaMigrator.Outcome.CHANGELOG_APPLIED);
        assertThat(new SchemaMigrator(h2).migrate()).isEqualTo(SchemaMigrator.Outcome.ALREADY_AT_THIS_CHANGELOG);
    }

    @Test
    void should_apply_the_missing_changesets_of_a_database_an_older_build_migrated() throws Exception {
        DataSource h2 = TestDatabases.freshH2();
        new SchemaMigrator(h2).migrate();
        // What the build before changeset 190 left: no daily rollup, and a fingerprint of other changelog files.
        execute(h2, "DROP TABLE usage_rollup_day");
        execute(h2, "DELETE FROM databasechangelog WHERE id LIKE '190-%'");
        execute(h2, "UPDATE schema_fingerprint SET changelog_sha256 = 'the-previous-build'");

        assertThat(new SchemaMigrator(h2).migrate()).isEqualTo(SchemaMigrator.Outcome.CHANGELOG_APPLIED);

        assertThat(count(h2, "SELECT COUNT(*) FROM usage_rollup_day")).isZero();
        assertThat(new SchemaMigrator(h2).migrate()).isEqualTo(SchemaMigrator.Outcome.ALREADY_AT_THIS_CHANGELOG);
    }

    @Test
    void should_skip_liquibase_on_postgresql_too_and_apply_to_an_empty_schema_first() throws Exception {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        try {
            // The empty schema has no fingerprint table: the failed read must not spoil the migration after it.
            assertThat(new SchemaMigrator(postgres.dataSource()).migrate())
                    .isEqualTo(SchemaMigrator.Outcome.CHANGELOG_APPLIED);
            assertThat(new SchemaMigrator(postgres.dataSource()).migrate())
                    .isEqualTo(SchemaMigrator.Outcome.ALREADY_AT_THIS_CHANGELOG);
        } finally {
            TestDatabases.drop(postgres);
        }
    }

    @Test
    void should_change_when_any_included_changelog_changes() throws IOException {
        write("db/master.xml", MASTER);
        write("db/changes/001_a.xml", "<changeSet id=\"a\"/>");
        write("db/changes/002_b.xml", "<changeSet id=\"b\"/>");
        String before = fingerprint().orElseThrow();

        write("db/changes/002_b.xml", "<changeSet id=\"b\" author=\"edited\"/>");

        assertThat(fingerprint()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void should_give_no_fingerprint_when_an_included_file_is_missing() throws IOException {
        write("db/master.xml", MASTER);
        write("db/changes/001_a.xml", "<changeSet id=\"a\"/>");

        assertThat(fingerprint()).isEmpty();
    }

    @Test
    void should_give_no_fingerprint_for_an_include_form_it_does_not_follow() throws IOException {
        write("db/master.xml", "<databaseChangeLog><includeAll path=\"changes/\"/></databaseChangeLog>");

        assertThat(fingerprint()).isEmpty();
    }

    @Test
    void should_fingerprint_the_changelogs_this_module_ships() {
        assertThat(ChangelogFingerprint.of(SchemaMigrator.class.getClassLoader(), SchemaMigrator.MASTER_CHANGELOG))
                .get()
                .asString()
                .hasSize(64);
    }

    private java.util.Optional<String> fingerprint() throws IOException {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {changelogs.toUri().toURL()}, null)) {
            return ChangelogFingerprint.of(loader, "db/master.xml");
        }
    }

    private void write(String file, String content) throws IOException {
        Path path = changelogs.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
