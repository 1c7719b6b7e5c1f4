package io.llmadmin.services.legacycalls.internal;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import java.util.List;

/** The call counts kept in the database, summed over every instance. */
public interface LegacyCallStore {

    /** Adds these calls to the stored totals, all or none (one transaction). */
    void add(List<LegacyCallCount> calls);

    /** Every stored pair, by function, then caller. */
    List<LegacyCallCount> all();
}
