package io.llmadmin.web.health;

import io.llmadmin.web.platform.SchemaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the changelogs have been applied and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final SchemaState schemaState;

    @Inject
    public DatabaseReadinessCheck(DataSource dataSource, SchemaState schemaState) {
        this.dataSource = dataSource;
        this.schemaState = schemaState;
    }

    /** For the CDI proxy only. */
    protected DatabaseReadinessCheck() {
        this(null, null);
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = probe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(probe.up());
        probe.data().forEach(response::withData);
        return response.build();
    }

    /** What the check found, apart from how MicroProfile Health reports it. */
    Probe probe() {
        if (!schemaState.migrated()) {
            return new Probe(false, Map.of("schema", "not migrated yet"));
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            return new Probe(valid, Map.of("schema", "migrated", "connection", valid ? "valid" : "invalid"));
        } catch (SQLException e) {
            // A driver's message may carry the URL; the exception's class is enough to tell what happened.
            return new Probe(
                    false,
                    Map.of(
                            "schema",
                            "migrated",
                            "connection",
                            "unreachable: " + e.getClass().getSimpleName()));
        }
    }

    record Probe(boolean up, Map<String, String> data) {}
}
