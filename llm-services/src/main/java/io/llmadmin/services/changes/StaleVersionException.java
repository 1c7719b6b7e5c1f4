package io.llmadmin.services.changes;

/**
 * A change made on a version that is no longer the current one: someone else changed the thing in between. Nothing
 * was changed; read it again, reapply the change, and send the new version.
 */
public class StaleVersionException extends ConflictingChangeException {

    private final long currentVersion;

    public StaleVersionException(String what, long expectedVersion, long currentVersion) {
        super(what + " was changed by someone else: version " + expectedVersion + " is stale, the current version is "
                + currentVersion + "; reload it and apply the change again");
        this.currentVersion = currentVersion;
    }

    /** The version now stored, or -1 when unknown (the other change was committed while this one ran). */
    public long currentVersion() {
        return currentVersion;
    }
}
