package io.llmadmin.services.legacycalls;

import java.util.List;

/**
 * Who has called the legacy facade, over every instance and restart: the counts each process keeps
 * ({@link LegacyCallCounts}) are added to the database in the background, so the migration page can say that a
 * function was last called three weeks ago, by which class, even after several deployments.
 */
public interface LegacyCallHistory {

    /**
     * Every (function, caller) pair ever seen, by function, then caller: the stored totals plus this process's calls
     * not stored yet, with the later of the two last-seen times.
     */
    List<LegacyCallCount> callSites();

    /** Stores this process's calls not stored yet, now (also done on a schedule and when the application stops). */
    void flush();
}
