package io.llmadmin.web.platform;

import io.llmadmin.migration.schema.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the Liquibase changelogs while the application starts, before anything is served: the application-scope
 * initialisation event is observed synchronously during deployment, and Liberty neither marks the application started
 * nor routes a request to it until the observer has returned. A failure stops the application from starting rather
 * than let it serve on a schema in an unknown state.
 *
 * <p>No container transaction surrounds the observer: Liquibase commits on its own connection.
 */
@ApplicationScoped
public class SchemaMigrationStartup {

    private static final Logger LOG = Logger.getLogger(SchemaMigrationStartup.class.getName());

    private final DataSource dataSource;
    private final SchemaState schemaState;

    @Inject
    public SchemaMigrationStartup(DataSource dataSource, SchemaState schemaState) {
        this.dataSource = dataSource;
        this.schemaState = schemaState;
    }

    /** For the CDI proxy only. */
    protected SchemaMigrationStartup() {
        this(null, null);
    }

    void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        long started = System.nanoTime();
        SchemaMigrator.Outcome outcome = new SchemaMigrator(dataSource).migrate();
        schemaState.markMigrated();
        LOG.info(() -> "Database schema checked in " + (System.nanoTime() - started) / 1_000_000 + " ms ("
                + (outcome == SchemaMigrator.Outcome.CHANGELOG_APPLIED
                        ? "Liquibase ran"
                        : "already at this build's changelogs")
                + ")");
    }
}
