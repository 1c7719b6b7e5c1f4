package io.llmadmin.migration.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a database's schema up to date with the changelogs this module ships.
 *
 * <p>A database whose last complete migration was of these very changelog files (their {@link ChangelogFingerprint}
 * is recorded in {@code schema_fingerprint}) is left as it is without starting Liquibase: that check is most of a
 * restart's schema work. Any difference in the files, a database that never recorded one, or a fingerprint that
 * cannot be taken runs Liquibase as before.
 */
public final class SchemaMigrator {

    /** What {@link #migrate()} did. */
    public enum Outcome {
        /** Liquibase ran: it applied what was missing, if anything. */
        CHANGELOG_APPLIED,
        /** The database recorded a complete migration of these changelog files; Liquibase did not run. */
        ALREADY_AT_THIS_CHANGELOG
    }

    /** The master changelog, on the classpath of this module. */
    public static final String MASTER_CHANGELOG = "db/changelog/master.xml";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    static {
        // Liquibase looks up its analytics endpoint on every update; only loopback is reachable from here, and a
        // schema migration has no business phoning home anyway. The JVM options set this too; this is the backstop.
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
    }

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies every changeset not yet applied, in one connection, and commits; or nothing, without starting Liquibase,
     * when the database records a complete migration of these very changelog files.
     *
     * @throws SchemaMigrationException when a changeset fails; what it had applied is rolled back where the database
     *     allows
     */
    public Outcome migrate() {
        Optional<String> fingerprint = ChangelogFingerprint.of(SchemaMigrator.class.getClassLoader(), MASTER_CHANGELOG);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                // In autocommit a failed read (no table yet) cannot poison a transaction, on PostgreSQL the one
                // Liquibase is about to use.
                connection.setAutoCommit(true);
                if (fingerprint.isPresent() && fingerprint.equals(recordedFingerprint(connection))) {
                    LOG.info(() -> "Schema is up to date: its last migration was of these changelogs (SHA-256 "
                            + fingerprint.get().substring(0, 12) + "...); Liquibase not started");
                    return Outcome.ALREADY_AT_THIS_CHANGELOG;
                }
                update(connection);
                // Liquibase leaves autocommit off; inside Liberty an uncommitted connection handed back to the pool
                // is rolled back, so commit explicitly and restore what the pool gave us.
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                connection.setAutoCommit(true);
                fingerprint.ifPresent(sha256 -> record(connection, sha256));
                return Outcome.CHANGELOG_APPLIED;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception e) {
            throw new SchemaMigrationException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    /** The fingerprint of the last complete migration; empty before changeset 200 (no table yet) or before one. */
    private static Optional<String> recordedFingerprint(Connection connection) {
        try (PreparedStatement read =
                        connection.prepareStatement("SELECT changelog_sha256 FROM schema_fingerprint WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException noTableYet) {
            return Optional.empty();
        }
    }

    /**
     * Recorded only after Liquibase has committed every changeset. An update, never an insert, so that two instances
     * finishing together cannot collide; a failure here costs the next start its shortcut, never this start.
     */
    private static void record(Connection connection, String sha256) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE schema_fingerprint SET changelog_sha256 = ?, recorded_at = ? WHERE id = 1")) {
            update.setString(1, sha256);
            update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warning(() -> "Could not record the changelogs' fingerprint; the next start runs Liquibase again: "
                    + e.getMessage());
        }
    }

    private void update(Connection connection) throws Exception {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        ClassLoaderResourceAccessor changelogs = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
        Scope.child(
                Map.of(Scope.Attr.resourceAccessor.name(), changelogs),
                () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, MASTER_CHANGELOG)
                        .execute());
        LOG.info(() -> "Schema is up to date (" + database.getDatabaseProductName() + ")");
    }
}
