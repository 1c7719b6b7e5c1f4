package io.llmadmin.services.usage;

import java.time.Instant;
import java.util.Collection;
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
     * The matching calls summed per UTC day and per {@code series} in one read, for a page that shows several of
     * these groupings (the console's usage page: its tables and its stacked charts).
     *
     * @param series {@code MODEL}, {@code KEY} or {@code CALLER}
     * @param only the only series to read (at most a few hundred names); null for all of them
     */
    UsageByDay summaryPerDay(UsageQuery query, UsageQuery.GroupBy series, Collection<String> only);

    /** A page of the matching calls, newest first, and how many match in all ({@link #countCalls}). */
    default CallPage calls(UsageQuery query, int page, int size) {
        return new CallPage(listCalls(query, page, size), countCalls(query));
    }

    /**
     * A page of the matching calls, newest first.
     *
     * @param page from 0
     * @param size 1 to 500
     */
    List<UsageCall> listCalls(UsageQuery query, int page, int size);

    /**
     * How many calls match, exactly: those the request log can list (so none whose raw row the retention deleted).
     * Counted from the rollups over whole hours and days, so it costs about what a summary costs, not a scan of the
     * period's calls.
     */
    long countCalls(UsageQuery query);

    /** A page of the request log and how many calls match in all. */
    record CallPage(List<UsageCall> items, long total) {}
}
