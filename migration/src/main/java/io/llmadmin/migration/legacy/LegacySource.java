package io.llmadmin.migration.legacy;

import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.migration.legacy.internal.AgentSettingsSource;
import io.llmadmin.migration.legacy.internal.DjangoDatabaseSource;
import io.llmadmin.migration.legacy.internal.DriverDataSource;
import io.llmadmin.migration.legacy.internal.DriverManagerDataSource;
import io.llmadmin.migration.legacy.internal.FixtureSource;
import io.llmadmin.migration.legacy.internal.JdbcUrls;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * Where legacy rows come from. Each {@link #open()} streams the source from its start; the importer opens it once per
 * run. The three kinds of the old system have factories here.
 */
public interface LegacySource {

    /** What kind of source this is, recorded with the run. */
    ImportSourceKind kind();

    /** The source for people, without credentials ({@code jdbc:postgresql://db:5432/legacy}, {@code llm.json}). */
    String description();

    /**
     * Starts reading.
     *
     * @throws LegacySourceException when the source cannot be opened
     */
    LegacyRowStream open();

    /**
     * A live Django database, read over a read-only connection in one read-only transaction (a consistent snapshot on
     * PostgreSQL), the configuration table first, then the metadata table. Nothing in it is written or locked;
     * Django's own tables ({@code django_migrations}, ...) are not read.
     *
     * @param dataSource connections to the Django database
     * @param description the database for people, without credentials
     * @param tables which tables to read
     */
    static LegacySource djangoDatabase(DataSource dataSource, String description, DjangoTables tables) {
        return new DjangoDatabaseSource(dataSource, description, tables);
    }

    /**
     * A live Django database by JDBC URL (the driver must be on the class path: PostgreSQL is). The recorded
     * description is the URL without user info and query parameters, so a password in the URL is never recorded.
     */
    static LegacySource djangoDatabase(String jdbcUrl, String user, String password, DjangoTables tables) {
        return new DjangoDatabaseSource(
                new DriverManagerDataSource(jdbcUrl, user, password), JdbcUrls.withoutCredentials(jdbcUrl), tables);
    }

    /**
     * A Django database the server connects to itself: the driver is loaded from the application (PostgreSQL,
     * MariaDB/MySQL, SQLite), with the given timeouts and no caller-chosen driver property. Check the host against
     * {@link DatabaseHosts} first.
     */
    static LegacySource djangoDatabase(
            DjangoConnection connection, DjangoTables tables, Duration connectTimeout, Duration readTimeout) {
        return new DjangoDatabaseSource(
                new DriverDataSource(connection, connectTimeout, readTimeout), connection.description(), tables);
    }

    /** A {@code manage.py dumpdata} fixture file, streamed. */
    static LegacySource fixture(Path file, FixtureModels models) {
        Objects.requireNonNull(file, "file");
        return new FixtureSource(file.getFileName().toString(), () -> Files.newInputStream(file), models);
    }

    /** A {@code manage.py dumpdata} fixture file of the Django app {@code llm}. */
    static LegacySource fixture(Path file) {
        return fixture(file, FixtureModels.defaults());
    }

    /**
     * A fixture from any stream (an upload): {@code input} is called once per {@link #open()}, and the stream is
     * closed by the importer.
     */
    static LegacySource fixture(String description, Callable<InputStream> input, FixtureModels models) {
        return new FixtureSource(description, input, models);
    }

    /** The legacy agent's settings JSON ({@code tmp/settings.json}). */
    static LegacySource agentSettings(Path file) {
        Objects.requireNonNull(file, "file");
        return new AgentSettingsSource(file.getFileName().toString(), () -> Files.newInputStream(file));
    }

    /** The legacy agent's settings JSON from any stream (an upload), opened once per {@link #open()}. */
    static LegacySource agentSettings(String description, Callable<InputStream> input) {
        return new AgentSettingsSource(description, input);
    }
}
