package io.llmadmin.migration.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Changelogs 060-062 on a database holding keys stored the old way (one secret per row, per provider): each secret
 * moves untouched into {@code api_credential_secret}, a provider with an official endpoint is bound to it, and a key of
 * an OpenAI-compatible server ({@code other}) stays unbound, so it is sent nowhere until an admin binds it.
 */
class CredentialEndpointChangelogTest {

    @Test
    void should_move_each_secret_and_bind_only_providers_with_an_official_endpoint_on_h2() throws Exception {
        check(TestDatabases.freshH2());
    }

    @Test
    void should_move_each_secret_and_bind_only_providers_with_an_official_endpoint_on_postgresql() throws Exception {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        try {
            check(postgres.dataSource());
        } finally {
            TestDatabases.drop(postgres);
        }
    }

    private static void check(DataSource dataSource) throws Exception {
        update(dataSource, "db/changelog/before-060.xml");
        execute(
                dataSource,
                "INSERT INTO api_credential (id, provider, label, master_key_id, secret_nonce, secret_ciphertext,"
                        + " last_four, enabled, created_at, updated_at, version) VALUES"
                        + " (1, 'openai', 'prod', 'k1', 'bm9uY2U=', 'b3BlbmFpLWNpcGhlcnRleHQ=', 'aaaa', TRUE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                        + " (2, 'other', 'vllm', 'k1', 'bm9uY2U=', 'b3RoZXItY2lwaGVydGV4dA==', 'bbbb', TRUE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");

        new SchemaMigrator(dataSource).migrate();

        assertThat(rows(dataSource, "SELECT id, provider, base_url FROM api_credential ORDER BY id"))
                .containsExactly(List.of("1", "openai", "https://api.openai.com/v1"), List.of("2", "other", "null"));
        assertThat(rows(
                        dataSource,
                        "SELECT credential_id, secret_index, master_key_id, secret_ciphertext, last_four, fingerprint"
                                + " FROM api_credential_secret ORDER BY credential_id"))
                .containsExactly(
                        List.of("1", "0", "k1", "b3BlbmFpLWNpcGhlcnRleHQ=", "aaaa", "null"),
                        List.of("2", "0", "k1", "b3RoZXItY2lwaGVydGV4dA==", "bbbb", "null"));
        assertThat(columns(dataSource, "api_credential")).doesNotContain("secret_ciphertext", "last_four");
        assertThat(columns(dataSource, "model_configuration")).contains("credential_id");
    }

    private static void update(DataSource dataSource, String changelog) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(
                    Map.of(
                            Scope.Attr.resourceAccessor.name(),
                            new ClassLoaderResourceAccessor(CredentialEndpointChangelogTest.class.getClassLoader())),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static List<List<String>> rows(DataSource dataSource, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> columns(DataSource dataSource, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                names.add(result.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
