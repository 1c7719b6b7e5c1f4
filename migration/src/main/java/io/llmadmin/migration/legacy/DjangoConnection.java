package io.llmadmin.migration.legacy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Django database is, as the server lets a caller name it: an engine Django supports (PostgreSQL,
 * MySQL/MariaDB, SQLite), a host, a port and a database name, and nothing else. A JDBC URL is accepted only in its
 * plain form ({@code jdbc:postgresql://db:5432/legacy}, {@code jdbc:mariadb://db/legacy}, {@code jdbc:mysql://...}):
 * no user info, no query or semicolon properties, no second host, so a caller cannot pass driver properties (some
 * read local files, some load classes) nor hide a host from the allow-list. The password is held but never shown.
 *
 * @param engine the database engine
 * @param host the host name or address (null for SQLite)
 * @param port the port (0 for SQLite)
 * @param database the database name, or for SQLite the file
 * @param user the user, may be null
 * @param password the password, may be null; never part of {@link #toString()} or {@link #description()}
 */
public record DjangoConnection(Engine engine, String host, int port, String database, String user, String password) {

    /** The database engines Django ships backends for, and how the server reaches each. */
    public enum Engine {
        POSTGRESQL("jdbc:postgresql://", 5432),
        MARIADB("jdbc:mariadb://", 3306),
        SQLITE("jdbc:sqlite:", 0);

        private final String prefix;
        private final int defaultPort;

        Engine(String prefix, int defaultPort) {
            this.prefix = prefix;
            this.defaultPort = defaultPort;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Pattern PLAIN_URL = Pattern.compile(
            "jdbc:(postgresql|mariadb|mysql)://([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([0-9]{1,5}))?/([A-Za-z0-9_$-]{1,63})");

    public DjangoConnection {
        Objects.requireNonNull(engine, "engine");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database must not be blank");
        }
        if (engine != Engine.SQLITE && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
    }

    /**
     * Reads a plain JDBC URL.
     *
     * @throws IllegalArgumentException naming what is wrong (never quoting the URL, which may hold a password)
     */
    public static DjangoConnection parse(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("a JDBC URL of the Django database is required");
        }
        Matcher plain = PLAIN_URL.matcher(jdbcUrl.trim());
        if (!plain.matches()) {
            throw new IllegalArgumentException("must be jdbc:postgresql://HOST[:PORT]/DATABASE (or jdbc:mariadb:, "
                    + "jdbc:mysql:) without user info, properties or a second host; pass user and password as"
                    + " fields, or upload a SQLite file instead");
        }
        Engine engine = plain.group(1).equals("postgresql") ? Engine.POSTGRESQL : Engine.MARIADB;
        String host = plain.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = plain.group(3) == null ? engine.defaultPort : Integer.parseInt(plain.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535");
        }
        return new DjangoConnection(engine, host.toLowerCase(Locale.ROOT), port, plain.group(4), user, password);
    }

    /** A SQLite database file (Django's default {@code db.sqlite3}), opened read-only. */
    public static DjangoConnection sqlite(Path file) {
        return new DjangoConnection(
                Engine.SQLITE, null, 0, file.toAbsolutePath().toString(), null, null);
    }

    /** The JDBC URL the server opens: built from the parts, never taken from the caller. */
    public String jdbcUrl() {
        if (engine == Engine.SQLITE) {
            return engine.prefix + database;
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return engine.prefix + shownHost + ":" + port + "/" + database;
    }

    /** The database for people and the run's record: no user, no password, and no server path for SQLite. */
    public String description() {
        if (engine == Engine.SQLITE) {
            return "uploaded SQLite database";
        }
        return jdbcUrl();
    }

    @Override
    public String toString() {
        return "DjangoConnection[" + description() + ", user=" + user + ", password=***]";
    }
}
