package io.llmadmin.migration.legacy;

import java.util.List;

/**
 * Rows of one source, read one at a time so that no source is ever held in memory whole. Closing it releases the
 * file or connection.
 */
public interface LegacyRowStream extends AutoCloseable {

    /**
     * The next row.
     *
     * @return the row, or null after the last one
     * @throws LegacySourceException when the source cannot be read further
     */
    LegacyRow next();

    /** Remarks on the source as a whole, known once the last row was read (a table skipped, models ignored). */
    default List<String> notes() {
        return List.of();
    }

    @Override
    void close();
}
