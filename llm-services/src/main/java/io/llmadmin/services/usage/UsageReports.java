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

    /** The matching calls summed per group, by group. */
    List<UsageGroup> summary(UsageQuery query, UsageQuery.GroupBy groupBy);

    /**
     * A page of the matching calls, newest first.
     *
     * @param page from 0
     * @param size 1 to 500
     */
    CallPage calls(UsageQuery query, int page, int size);

    /** A page of the request log and how many calls match in all. */
    record CallPage(List<UsageCall> items, long total) {}
}
