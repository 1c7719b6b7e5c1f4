package io.llmadmin.services.legacycalls;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who called the legacy facade, for the console's migration page: one {@link LegacyCallCount} per legacy function and
 * calling class.
 *
 * <p>This minimal version reads the in-memory counts of this process ({@link LegacyCallCounts#snapshot()}); the
 * persisted history that replaces it keeps this class name and {@link #callSites()}'s signature.
 */
@ApplicationScoped
public class LegacyCallHistory {

    /** Every (legacy function, calling class) pair seen, by function, then caller. */
    public List<LegacyCallCount> callSites() {
        return LegacyCallCounts.snapshot();
    }
}
