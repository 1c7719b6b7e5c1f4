package io.llmadmin.web.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the changelogs have been applied in this run; readiness stays DOWN until they have. */
@ApplicationScoped
public class SchemaState {

    private volatile boolean migrated;

    public boolean migrated() {
        return migrated;
    }

    /** Called once the changelogs have been applied. */
    public void markMigrated() {
        migrated = true;
    }
}
