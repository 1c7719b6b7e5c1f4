package io.llmadmin.migration.legacy;

import io.llmadmin.domain.imports.ImportRun;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.internal.JpaImportStore;
import io.llmadmin.migration.schema.SchemaMigrator;
import io.llmadmin.migration.schema.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the importer tests use: fresh PostgreSQL schemas (the legacy Django database and the llm-admin
 * target, dropped after) and in-memory H2. PostgreSQL's address comes from the environment like the changelog tests'
 * ({@code LLMADMIN_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}); when it cannot be reached a test is skipped
 * loudly, unless {@code LLMADMIN_REQUIRE_SERVICES=true}.
 */
final class Databases {

    private Databases() {}

    record Schema(PGSimpleDataSource dataSource, String name) implements AutoCloseable {

        void execute(String... statements) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + name + " CASCADE");
            }
        }
    }

    static Schema freshPostgresSchema() {
        TestDatabases.PostgresSchema postgres = TestDatabases.freshPostgresSchema();
        return new Schema(postgres.dataSource(), postgres.schema());
    }

    static JdbcDataSource freshH2() {
        return TestDatabases.freshH2();
    }

    /** Every row of a table as text, in id order: to compare before and after, and to search for secrets. */
    static List<String> rows(DataSource dataSource, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(meta.getColumnLabel(i))
                            .append('=')
                            .append(result.getString(i))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The llm-admin database, migrated, with an entity manager of the {@code llmadmin} unit over it. */
    static final class Target implements AutoCloseable {

        private final DataSource dataSource;
        private final Schema schema;
        private final EntityManagerFactory factory;
        private final EntityManager entityManager;

        private Target(DataSource dataSource, Schema schema) {
            this.dataSource = dataSource;
            this.schema = schema;
            new SchemaMigrator(dataSource).migrate();
            this.factory = Persistence.createEntityManagerFactory(
                    "llmadmin",
                    Map.of(
                            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                            "jakarta.persistence.jtaDataSource", "",
                            "jakarta.persistence.validation.mode", "NONE",
                            "eclipselink.cache.shared.default", "false",
                            "jakarta.persistence.nonJtaDataSource", dataSource));
            this.entityManager = factory.createEntityManager();
        }

        static Target h2() {
            return new Target(freshH2(), null);
        }

        static Target postgres() {
            Schema schema = freshPostgresSchema();
            return new Target(schema.dataSource(), schema);
        }

        DataSource dataSource() {
            return dataSource;
        }

        Schema schema() {
            return schema;
        }

        EntityManager entityManager() {
            return entityManager;
        }

        LegacyImporter importer() {
            return new LegacyImporter(JpaImportStore.resourceLocal(entityManager));
        }

        LegacyImporter importer(SecretSink sink) {
            return new LegacyImporter(JpaImportStore.resourceLocal(entityManager), sink);
        }

        List<String> catalog() throws SQLException {
            return rows(dataSource, "model_configuration");
        }

        /** Every stored byte of the catalog and the run history, as text. */
        String everything() throws SQLException {
            return String.join("\n", rows(dataSource, "model_configuration")) + "\n"
                    + String.join("\n", rows(dataSource, "import_run"));
        }

        ModelConfiguration model(String catalogId) {
            entityManager.clear();
            return entityManager
                    .createQuery("SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id", ModelConfiguration.class)
                    .setParameter("id", catalogId)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
        }

        List<ImportRun> runs() {
            entityManager.clear();
            return entityManager
                    .createQuery("SELECT r FROM ImportRun r ORDER BY r.id", ImportRun.class)
                    .getResultList();
        }

        @Override
        public void close() throws SQLException {
            entityManager.close();
            factory.close();
            if (schema != null) {
                schema.close();
            }
        }
    }
}
