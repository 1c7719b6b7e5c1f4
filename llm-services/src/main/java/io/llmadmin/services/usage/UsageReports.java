package io.llmadmin.services.usage;

import java.time.Instant;
import java.util.List;

/** Usage summed for the console. */
public interface UsageReports {

    /**
     * Totals per model of the calls that started in {@code [from, to)}, by model id.
     *
     * @throws IllegalArgumentException naming {@code from}/{@code to} when missing or {@code to} is before {@code from}
     */
    List<ModelUsage> totalsPerModel(Instant from, Instant to);
}
