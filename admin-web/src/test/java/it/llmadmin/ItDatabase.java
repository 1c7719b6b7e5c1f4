package it.llmadmin;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the IT server's PostgreSQL database new before the server starts (run by the build with {@code -Dit.db=postgresql}):
 * drops the database and role of this build's test server and creates them again, the role with the test password,
 * so that every run starts from an empty schema as it does on H2, and no earlier run's rows meet this run's checks.
 * Connects as the test PostgreSQL's administrator ({@code LLMADMIN_TEST_POSTGRES_URL}, {@code _USER},
 * {@code _PASSWORD}).
 */
public final class ItDatabase {

    private ItDatabase() {}

    /** Arguments: the server's JDBC URL, its user (also the database's owner) and its password. */
    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ItDatabase <jdbc url> <user> <password>");
        }
        recreate(args[0], args[1], args[2]);
    }

    /**
     * Drops the database of {@code jdbcUrl} and its owner {@code user}, and creates both again, empty (also for the
     * ITs' second server, {@link SecondServer}).
     */
    public static void recreate(String jdbcUrl, String userName, String rawPassword) throws SQLException {
        String database = databaseName(jdbcUrl);
        String user = identifier(userName);
        String password = rawPassword.replace("'", "''");
        try (Connection admin = DriverManager.getConnection(
                        env("LLMADMIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                        env("LLMADMIN_TEST_POSTGRES_USER", "postgres"),
                        env("LLMADMIN_TEST_POSTGRES_PASSWORD", ""));
                Statement statement = admin.createStatement()) {
            // FORCE: a server of an earlier run that was killed may still hold connections.
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + user);
            statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + database + " OWNER " + user);
        }
        System.out.println("ItDatabase: created the empty database " + database + " owned by " + user);
    }

    static String databaseName(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + jdbcUrl);
        }
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return identifier(path.substring(1));
    }

    /** Only plain lower-case names: they go into the statements unquoted. */
    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
