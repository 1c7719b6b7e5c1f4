package io.llmadmin.services.usage;

import java.util.List;

/**
 * The matching calls summed per UTC day and per series (model or gateway key) in one read, and the views a page
 * derives from those sums without reading again: per day, per series, the days of one series. Each is an exact merge
 * (sums added, the latency histograms merged for p95), the same numbers {@link UsageReports#summary} answers for that
 * grouping. When the read was narrowed to some series, every view covers those series only.
 */
public interface UsageByDay {

    /** Per day, the series together, by day (the day's start, ISO-8601, UTC, as a summary per day names it). */
    List<UsageGroup> perDay();

    /** Per series, the days together, by name (calls without a key first, named null). */
    List<UsageGroup> perSeries();

    /** The days of one series (null: calls without a key), by day; empty when it had no calls. */
    List<UsageGroup> daysOf(String series);
}
