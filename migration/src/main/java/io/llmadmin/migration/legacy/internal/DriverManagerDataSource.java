package io.llmadmin.migration.legacy.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A data source that opens a new connection per call through {@link DriverManager}: for the command line only. */
public final class DriverManagerDataSource extends PlainDataSource {

    private final String url;
    private final String user;
    private final String password;

    public DriverManagerDataSource(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("JDBC URL must not be blank");
        }
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password == null ? "" : password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return DriverManager.getConnection(url, username, pass);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public String toString() {
        return "DriverManagerDataSource[" + JdbcUrls.withoutCredentials(url) + "]";
    }
}
