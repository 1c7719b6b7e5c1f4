package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.DatabaseHosts;
import io.llmadmin.migration.legacy.DjangoConnection;
import io.llmadmin.migration.legacy.DjangoTables;
import io.llmadmin.migration.legacy.FixtureModels;
import io.llmadmin.migration.legacy.LegacySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The import sources as an admin names them, for the admin API and the console alike: a spooled fixture, settings
 * file or SQLite database, or a Django database by URL, with the app labels and table names of the command line, the
 * host allow-list and the timeouts of the server's configuration. Whatever is wrong is an {@link InvalidSource}
 * naming the field.
 */
@ApplicationScoped
public class ImportSources {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** A source an admin named wrongly: which field, and what is wrong with it. */
    public static final class InvalidSource extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidSource(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final long maxUploadBytes;
    private final DatabaseHosts databaseHosts;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    @Inject
    public ImportSources(
            @ConfigProperty(name = "LLMADMIN_IMPORT_MAX_BYTES", defaultValue = "67108864") long maxUploadBytes,
            @ConfigProperty(name = "LLMADMIN_IMPORT_DATABASE_HOSTS", defaultValue = " ") String databaseHosts,
            @ConfigProperty(name = "LLMADMIN_IMPORT_CONNECT_TIMEOUT_SECONDS", defaultValue = "10") long connectSeconds,
            @ConfigProperty(name = "LLMADMIN_IMPORT_READ_TIMEOUT_SECONDS", defaultValue = "120") long readSeconds) {
        this.maxUploadBytes = maxUploadBytes;
        this.databaseHosts = DatabaseHosts.loopbackAnd(databaseHosts);
        this.connectTimeout = Duration.ofSeconds(connectSeconds);
        this.readTimeout = Duration.ofSeconds(readSeconds);
    }

    /** For the CDI proxy only. */
    protected ImportSources() {
        this.maxUploadBytes = 0;
        this.databaseHosts = null;
        this.connectTimeout = null;
        this.readTimeout = null;
    }

    /** The largest upload an import takes ({@code LLMADMIN_IMPORT_MAX_BYTES}). */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** A {@code dumpdata} fixture; blank labels are the command line's defaults. */
    public LegacySource fixture(String name, Path upload, String configurationModel, String metadataModel) {
        FixtureModels models;
        try {
            models = new FixtureModels(
                    orDefault(configurationModel, FixtureModels.DEFAULT_CONFIGURATION_MODEL),
                    orDefault(metadataModel, FixtureModels.DEFAULT_METADATA_MODEL));
        } catch (IllegalArgumentException e) {
            throw new InvalidSource("configurationModel/metadataModel", e.getMessage());
        }
        return LegacySource.fixture(shownName(name), () -> Files.newInputStream(upload), models);
    }

    /** The legacy agent's settings file. */
    public LegacySource settings(String name, Path upload) {
        return LegacySource.agentSettings("settings " + shownName(name), () -> Files.newInputStream(upload));
    }

    /** Django's default database, uploaded; refused unless it is a SQLite file. */
    public LegacySource sqlite(Path upload, String configurationTable, String metadataTable) {
        DjangoTables tables = tables(configurationTable, metadataTable);
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(upload)) {
            if (in.readNBytes(header, 0, header.length) != header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new InvalidSource("body", "is not a SQLite database file (Django's db.sqlite3)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded database", e);
        }
        return LegacySource.djangoDatabase(DjangoConnection.sqlite(upload), tables, connectTimeout, readTimeout);
    }

    /** A live Django database by plain JDBC URL, on an allowed host. */
    public LegacySource database(
            String jdbcUrl, String user, String password, String configurationTable, String metadataTable) {
        DjangoConnection connection;
        try {
            connection = DjangoConnection.parse(jdbcUrl, user, password);
        } catch (IllegalArgumentException e) {
            throw new InvalidSource("jdbcUrl", e.getMessage());
        }
        if (!databaseHosts.allows(connection.host())) {
            throw new InvalidSource(
                    "jdbcUrl",
                    "the host is not one the server may connect to (" + databaseHosts.describe()
                            + "); an operator adds hosts with LLMADMIN_IMPORT_DATABASE_HOSTS");
        }
        return LegacySource.djangoDatabase(
                connection, tables(configurationTable, metadataTable), connectTimeout, readTimeout);
    }

    /** The tables as the command line takes them: defaults of the app {@code llm}, {@code none} for no metadata. */
    private static DjangoTables tables(String configurationTable, String metadataTable) {
        String metadata = orDefault(metadataTable, DjangoTables.DEFAULT_METADATA_TABLE);
        try {
            return new DjangoTables(
                    orDefault(configurationTable, DjangoTables.DEFAULT_CONFIGURATION_TABLE),
                    metadata.equals("none") ? null : metadata);
        } catch (IllegalArgumentException e) {
            throw new InvalidSource("configurationTable/metadataTable", e.getMessage());
        }
    }

    private static String shownName(String name) {
        String given = name == null || name.isBlank() ? "upload.json" : name;
        String cut = given.length() > 100 ? given.substring(0, 100) : given;
        return cut.replaceAll("[^A-Za-z0-9._ -]", "_");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
