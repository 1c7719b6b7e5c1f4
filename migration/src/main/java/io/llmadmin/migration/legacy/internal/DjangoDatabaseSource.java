package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.migration.legacy.DjangoTables;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.LegacyRowStream;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.LegacySourceException;
import io.llmadmin.migration.legacy.RowKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A live Django database. One connection, marked read-only, in one repeatable-read transaction (so both tables are
 * read from one snapshot while the Django app keeps running), streamed with a fetch size so that no table is loaded
 * whole; rolled back and closed at the end. Only {@code SELECT}s on the two configured tables are issued; the Django
 * bookkeeping tables are never touched. Columns are read by name, so a table that lacks an optional column (an older
 * migration without the limit columns) still reads.
 */
public final class DjangoDatabaseSource implements LegacySource {

    static final int FETCH_SIZE = 500;

    private static final Set<String> CONFIGURATION_COLUMNS = Set.of(
            LegacyRow.TYPE,
            LegacyRow.PROVIDER,
            LegacyRow.NAME,
            LegacyRow.API_BASE,
            LegacyRow.CTX_LENGTH,
            LegacyRow.LIMIT_REQUESTS,
            LegacyRow.LIMIT_INPUT,
            LegacyRow.LIMIT_OUTPUT,
            LegacyRow.VISION,
            LegacyRow.KWARGS);

    private static final Set<String> METADATA_COLUMNS = Set.of(
            LegacyRow.ID,
            LegacyRow.NAME,
            LegacyRow.DESCRIPTION,
            LegacyRow.CONTEXT_LENGTH,
            LegacyRow.MODEL_TYPE,
            LegacyRow.IS_ACTIVE,
            LegacyRow.PROVIDER);

    private final DataSource dataSource;
    private final String description;
    private final DjangoTables tables;

    public DjangoDatabaseSource(DataSource dataSource, String description, DjangoTables tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        this.description = description;
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public ImportSourceKind kind() {
        return ImportSourceKind.DJANGO_DATABASE;
    }

    @Override
    public String description() {
        return description + " (tables " + tables.configurationTable()
                + (tables.metadataTable() == null ? "" : ", " + tables.metadataTable()) + ")";
    }

    @Override
    public LegacyRowStream open() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new LegacySourceException(
                    "Django database " + description + " is not reachable (SQL state " + e.getSQLState() + ")", e);
        }
        try {
            readOnly(connection);
            List<String> notes = new ArrayList<>();
            String unreadable = unreadable(connection, tables.configurationTable());
            if (unreadable != null) {
                throw new LegacySourceException("Django database " + description + ": table "
                        + tables.configurationTable() + " " + unreadable + " (pass the table names of your app)");
            }
            List<String> toRead = new ArrayList<>(List.of(tables.configurationTable()));
            if (tables.metadataTable() != null) {
                String metadataUnreadable = unreadable(connection, tables.metadataTable());
                if (metadataUnreadable == null) {
                    toRead.add(tables.metadataTable());
                } else {
                    notes.add("table " + tables.metadataTable() + " " + metadataUnreadable
                            + ": no catalog metadata read");
                }
            }
            connection.setAutoCommit(false);
            // SQLite knows only serializable (it reads one file under one lock), which is a snapshot too.
            connection.setTransactionIsolation(
                    connection.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)
                            ? Connection.TRANSACTION_REPEATABLE_READ
                            : Connection.TRANSACTION_SERIALIZABLE);
            return new Rows(connection, toRead, notes);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof LegacySourceException source) {
                throw source;
            }
            throw new LegacySourceException("Django database " + description + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Marks the connection read-only; SQLite refuses that once open, but it was opened read-only already. */
    private static void readOnly(Connection connection) throws SQLException {
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            if (!connection.isReadOnly()) {
                throw e;
            }
        }
    }

    /**
     * Why a table cannot be read (missing, or not readable by this user), or null when it can. Probed with autocommit
     * on, so that a failed probe does not abort a transaction.
     */
    private static String unreadable(Connection connection, String table) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0").close();
            return null;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 42501 (PostgreSQL), 1142 (MariaDB): the table is there, the user may not read it.
            if (state.equals("42501") || e.getErrorCode() == 1142) {
                return "cannot be read by this user (permission denied)";
            }
            return "not found (SQL state " + state + ")";
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }

    private final class Rows implements LegacyRowStream {

        private final Connection connection;
        private final List<String> tablesToRead;
        private final List<String> notes;
        private int tableIndex = -1;
        private Statement statement;
        private ResultSet rows;
        private Map<String, Integer> columns;
        private RowKind kind;

        Rows(Connection connection, List<String> tablesToRead, List<String> notes) {
            this.connection = connection;
            this.tablesToRead = tablesToRead;
            this.notes = notes;
        }

        @Override
        public LegacyRow next() {
            try {
                while (true) {
                    if (rows != null && rows.next()) {
                        return row();
                    }
                    if (!nextTable()) {
                        return null;
                    }
                }
            } catch (SQLException e) {
                throw new LegacySourceException(
                        "reading Django database " + description + " failed (SQL state " + e.getSQLState() + "): "
                                + e.getMessage(),
                        e);
            }
        }

        private boolean nextTable() throws SQLException {
            closeTable();
            tableIndex++;
            if (tableIndex >= tablesToRead.size()) {
                return false;
            }
            String table = tablesToRead.get(tableIndex);
            kind = tableIndex == 0 ? RowKind.CONFIGURATION : RowKind.METADATA;
            Set<String> wanted = kind == RowKind.CONFIGURATION ? CONFIGURATION_COLUMNS : METADATA_COLUMNS;
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id");
            ResultSetMetaData meta = rows.getMetaData();
            columns = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (wanted.contains(name) || name.equals(LegacyRow.ID)) {
                    columns.put(name, i);
                }
            }
            return true;
        }

        private LegacyRow row() throws SQLException {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                String value = column.getKey().equals(LegacyRow.KWARGS)
                        ? rows.getString(column.getValue())
                        : text(rows.getObject(column.getValue()));
                if (value != null) {
                    fields.put(column.getKey(), value);
                }
            }
            String reference = tablesToRead.get(tableIndex) + " id=" + fields.get(LegacyRow.ID);
            if (kind == RowKind.CONFIGURATION) {
                fields.remove(LegacyRow.ID);
            }
            return new LegacyRow(kind, reference, fields);
        }

        private static String text(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return value.toString();
        }

        @Override
        public List<String> notes() {
            return notes;
        }

        private void closeTable() throws SQLException {
            if (rows != null) {
                rows.close();
                rows = null;
            }
            if (statement != null) {
                statement.close();
                statement = null;
            }
        }

        @Override
        public void close() {
            try {
                closeTable();
            } catch (SQLException e) {
                // read-only: nothing to lose
            }
            closeQuietly(connection);
        }
    }
}
