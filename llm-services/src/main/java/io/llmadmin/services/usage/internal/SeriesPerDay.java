package io.llmadmin.services.usage.internal;

import io.llmadmin.services.usage.UsageByDay;
import io.llmadmin.services.usage.UsageGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link UsageByDay} over the sums read per series and day: each view merges them, none reads again. */
final class SeriesPerDay implements UsageByDay {

    private final Map<String, Map<String, UsageSums.Group>> daysPerSeries;

    /** @param daysPerSeries per series (null key first), its days by name, as {@link UsageSums#readPerDay} reads */
    SeriesPerDay(Map<String, Map<String, UsageSums.Group>> daysPerSeries) {
        this.daysPerSeries = daysPerSeries;
    }

    @Override
    public List<UsageGroup> perDay() {
        Map<String, UsageSums.Group> days = new TreeMap<>();
        daysPerSeries
                .values()
                .forEach(series -> series.forEach((day, sums) ->
                        days.computeIfAbsent(day, UsageSums.Group::new).add(sums)));
        return days.values().stream().map(UsageSums.Group::toGroup).toList();
    }

    @Override
    public List<UsageGroup> perSeries() {
        return daysPerSeries.entrySet().stream()
                .map(series -> {
                    UsageSums.Group total = new UsageSums.Group(series.getKey());
                    series.getValue().values().forEach(total::add);
                    return total.toGroup();
                })
                .toList();
    }

    @Override
    public List<UsageGroup> daysOf(String series) {
        return daysPerSeries.getOrDefault(series, Map.of()).values().stream()
                .map(UsageSums.Group::toGroup)
                .toList();
    }
}
