package io.llmadmin.migration.schema;

import java.sql.Connection;
import java.util.Map;
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

/** Brings a database's schema up to date with the changelogs this module ships. */
public final class SchemaMigrator {

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
     * Applies every changeset not yet applied, in one connection, and commits.
     *
     * @throws SchemaMigrationException when a changeset fails; what it had applied is rolled back where the database
     *     allows
     */
    public void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                update(connection);
                // Liquibase leaves autocommit off; inside Liberty an uncommitted connection handed back to the pool
                // is rolled back, so commit explicitly and restore what the pool gave us.
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception e) {
            throw new SchemaMigrationException("Schema migration failed: " + e.getMessage(), e);
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
