package io.llmadmin.web.console;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.usage.UsageGroup;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The usage page's charts as Chart.js configurations for PrimeFaces' {@code p:chart} (its bundled Chart.js; the
 * console loads nothing from elsewhere). Animations are off, so a chart is drawn once and a screen reader's or a
 * test's view of it does not move; each chart has a table beside it with the same numbers.
 */
final class UsageCharts {

    /** Colours with at least 3:1 contrast on the white page, one per series (the last for "other"). */
    static final List<String> COLOURS =
            List.of("#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4b5563");

    private UsageCharts() {}

    /** One stacked series: its label and a value per day, in the order of the days. */
    record Series(String label, List<Double> values) {}

    /** A bar chart of one value per day, stacked by series. */
    static String stackedPerDay(String title, String axis, List<String> days, List<Series> series) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            JsonArrayBuilder data = JSON.createArrayBuilder();
            one.values().forEach(data::add);
            datasets.add(JSON.createObjectBuilder()
                    .add("label", one.label())
                    .add("data", data)
                    .add("backgroundColor", COLOURS.get(Math.min(i, COLOURS.size() - 1))));
        }
        return bar(title, axis, days, datasets, true);
    }

    /** A bar chart of a few values per group (one dataset per value), side by side. */
    static String perGroup(
            String title, String axis, List<UsageGroup> groups, Map<String, ToDoubleFunction<UsageGroup>> values) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        int colour = 0;
        for (Map.Entry<String, ToDoubleFunction<UsageGroup>> value : values.entrySet()) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            groups.forEach(group -> data.add(value.getValue().applyAsDouble(group)));
            datasets.add(JSON.createObjectBuilder()
                    .add("label", value.getKey())
                    .add("data", data)
                    .add("backgroundColor", COLOURS.get(colour++ % COLOURS.size())));
        }
        return bar(title, axis, groups.stream().map(UsageView::groupName).toList(), datasets, false);
    }

    private static String bar(
            String title, String axis, List<String> labels, JsonArrayBuilder datasets, boolean stacked) {
        JsonArrayBuilder labelArray = JSON.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonObjectBuilder x = JSON.createObjectBuilder().add("stacked", stacked);
        JsonObjectBuilder y = JSON.createObjectBuilder()
                .add("stacked", stacked)
                .add("beginAtZero", true)
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", axis));
        JsonObject config = JSON.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder().add("x", x).add("y", y))
                                .add(
                                        "plugins",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "title",
                                                        JSON.createObjectBuilder()
                                                                .add("display", true)
                                                                .add("text", title))))
                .build();
        // The configuration is written into a <script> as it is: no name (a key's, a model's) may close that element.
        return config.toString().replace("<", "\\u003c");
    }
}
