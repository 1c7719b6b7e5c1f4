package io.llmadmin.migration.legacy.internal;

import io.llmadmin.migration.legacy.DjangoConnection;
import io.llmadmin.migration.legacy.DjangoConnection.Engine;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;

/**
 * Connections to a Django database opened straight through its driver ({@link Driver#connect}), not through {@code
 * DriverManager}: the driver is loaded from this application's own class loader (in the server, the WAR), so it does
 * not matter which drivers the container registered, and the only properties passed are the ones set here (user,
 * password, connect and read timeouts, read-only, no local file loading).
 */
public final class DriverDataSource extends PlainDataSource {

    private final DjangoConnection connection;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public DriverDataSource(DjangoConnection connection, Duration connectTimeout, Duration readTimeout) {
        this.connection = connection;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Driver driver = driver(connection.engine());
        Properties properties = new Properties();
        if (connection.user() != null) {
            properties.setProperty("user", connection.user());
        }
        if (connection.password() != null) {
            properties.setProperty("password", connection.password());
        }
        long connectSeconds = Math.max(1, connectTimeout.toSeconds());
        long readSeconds = Math.max(1, readTimeout.toSeconds());
        switch (connection.engine()) {
            case POSTGRESQL -> {
                properties.setProperty("connectTimeout", Long.toString(connectSeconds));
                properties.setProperty("loginTimeout", Long.toString(connectSeconds));
                properties.setProperty("socketTimeout", Long.toString(readSeconds));
                properties.setProperty("readOnly", "true");
                properties.setProperty("ApplicationName", "llm-admin legacy import");
            }
            case MARIADB -> {
                properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
                properties.setProperty("socketTimeout", Long.toString(readTimeout.toMillis()));
                properties.setProperty("allowLocalInfile", "false");
            }
            case SQLITE -> {
                // SQLITE_OPEN_READONLY: the uploaded file is read, never written or created.
                properties.setProperty("open_mode", "1");
                properties.setProperty("busy_timeout", Long.toString(readTimeout.toMillis()));
            }
        }
        Connection opened = driver.connect(connection.jdbcUrl(), properties);
        if (opened == null) {
            throw new SQLException("the " + connection.engine() + " driver does not accept the URL", "08001");
        }
        return opened;
    }

    private static Driver driver(Engine engine) throws SQLException {
        String name = switch (engine) {
            case POSTGRESQL -> "org.postgresql.Driver";
            case MARIADB -> "org.mariadb.jdbc.Driver";
            case SQLITE -> "org.sqlite.JDBC";
        };
        try {
            return (Driver) Class.forName(name, true, DriverDataSource.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("no " + engine + " driver is installed with the application", "08001", e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are part of the connection");
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Fixed by the connect timeout given at construction.
    }

    @Override
    public int getLoginTimeout() {
        return (int) connectTimeout.toSeconds();
    }

    @Override
    public String toString() {
        return "DriverDataSource[" + connection.description() + "]";
    }
}
