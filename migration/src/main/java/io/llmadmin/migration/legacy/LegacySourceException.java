package io.llmadmin.migration.legacy;

/**
 * A legacy source cannot be read (a missing file, a fixture that is not a JSON array, a table that does not exist, a
 * connection lost mid-read). Fails the whole run; nothing is written. The message never quotes the data.
 */
public class LegacySourceException extends RuntimeException {

    public LegacySourceException(String message) {
        super(message);
    }

    public LegacySourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
