package io.llmadmin.web.console;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.usage.UsageByDay;
import io.llmadmin.services.usage.UsageCall;
import io.llmadmin.services.usage.UsageGroup;
import io.llmadmin.services.usage.UsageQuery;
import io.llmadmin.services.usage.UsageReports;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The usage page ({@code /console/usage.xhtml}, admins and viewers): spend and tokens per day stacked by model or by
 * gateway key, latency and error rate per model, the top keys, and the request log, all over the last {@code days}
 * UTC days (today included) and narrowed by {@code key}, {@code model} and {@code outcome}. Those are the page's URL
 * parameters, with the request log's {@code page} ({@link ListUrlState}), so a view can be reloaded, bookmarked and
 * linked. Every number comes from {@link UsageReports}, as
 * {@code GET /api/admin/usage} does.
 */
@Named("usage")
@ViewScoped
public class UsageView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The periods offered, in days; anything else in the URL falls back to 7. */
    static final List<Integer> PERIODS = List.of(1, 7, 30, 90);

    /** Series drawn one by one in the stacked charts; the rest is summed as "other". */
    static final int SERIES = 6;

    private final UsageReports reports;
    private final Log log = new Log();
    /** The request log's page, kept in the URL. */
    private final ListUrlState logList = new ListUrlState(List.of());

    private Integer days;
    private String by;
    private String key;
    private String model;
    private String outcome;

    private transient Report report;

    @Inject
    public UsageView(UsageReports reports) {
        this.reports = reports;
    }

    /** For the CDI proxy only. */
    protected UsageView() {
        this(null);
    }

    /** What the page shows, read once per request. */
    record Report(
            List<String> days,
            List<UsageGroup> perDay,
            List<UsageGroup> perModel,
            List<UsageGroup> perKey,
            String spendChart,
            String tokensChart,
            String latencyChart,
            String errorChart) {}

    private Report report() {
        if (report == null) {
            report = read();
        }
        return report;
    }

    private Report read() {
        UsageQuery query = query();
        List<String> dayLabels = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(query.from(), ZoneOffset.UTC);
                day.isBefore(LocalDate.ofInstant(query.to(), ZoneOffset.UTC).plusDays(1));
                day = day.plusDays(1)) {
            dayLabels.add(day.toString());
        }
        // one read per day and model gives the per-day and per-model tables and charts; the keys are a second read
        UsageByDay perModelAndDay = reports.summaryPerDay(query, UsageQuery.GroupBy.MODEL, null);
        List<UsageGroup> perDay = perModelAndDay.perDay();
        List<UsageGroup> perModel = biggestFirst(perModelAndDay.perSeries());
        List<UsageGroup> perKey = biggestFirst(reports.summary(query, UsageQuery.GroupBy.KEY));
        boolean byKey = isByKey();
        List<String> stacked = (byKey ? perKey : perModel)
                .stream()
                        .map(UsageGroup::group)
                        .filter(name -> name != null)
                        .limit(SERIES)
                        .toList();
        // stacked by key: the days of the few biggest keys only, in one read
        UsageByDay stackedDays = byKey ? reports.summaryPerDay(query, UsageQuery.GroupBy.KEY, stacked) : perModelAndDay;
        List<UsageCharts.Series> spend = new ArrayList<>();
        List<UsageCharts.Series> tokens = new ArrayList<>();
        Map<String, double[]> other = new HashMap<>();
        other.put("cost", values(perDay, dayLabels, group -> cost(group)));
        other.put("tokens", values(perDay, dayLabels, group -> group.tokensIn() + group.tokensOut()));
        for (String series : stacked) {
            List<UsageGroup> days = stackedDays.daysOf(series);
            double[] cost = values(days, dayLabels, group -> cost(group));
            double[] used = values(days, dayLabels, group -> group.tokensIn() + group.tokensOut());
            spend.add(new UsageCharts.Series(series, list(cost)));
            tokens.add(new UsageCharts.Series(series, list(used)));
            subtract(other.get("cost"), cost);
            subtract(other.get("tokens"), used);
        }
        String otherLabel = byKey ? "other (no key or beyond the top " + SERIES + ")" : "other models";
        if (Arrays.stream(other.get("cost")).anyMatch(value -> value > 1e-12)) {
            spend.add(new UsageCharts.Series(otherLabel, list(other.get("cost"))));
        }
        if (Arrays.stream(other.get("tokens")).anyMatch(value -> value > 0.5)) {
            tokens.add(new UsageCharts.Series(otherLabel, list(other.get("tokens"))));
        }
        String currency = perDay.stream()
                .map(UsageGroup::currency)
                .filter(value -> value != null)
                .findFirst()
                .orElse("");
        Map<String, ToDoubleFunction<UsageGroup>> latency = new LinkedHashMap<>();
        latency.put("average ms", UsageGroup::averageLatencyMillis);
        latency.put("p95 ms", UsageGroup::p95LatencyMillis);
        return new Report(
                dayLabels,
                perDay,
                perModel,
                perKey,
                UsageCharts.stackedPerDay("Spend per day " + currency, "cost " + currency, dayLabels, spend),
                UsageCharts.stackedPerDay("Tokens per day (in + out)", "tokens", dayLabels, tokens),
                UsageCharts.perGroup("Latency per model", "milliseconds", perModel, latency),
                UsageCharts.perGroup(
                        "Error rate per model",
                        "% of calls",
                        perModel,
                        Map.of("error rate %", group -> Math.round(group.errorRate() * 1000) / 10.0)));
    }

    /** The query of the page: the period and the filters. */
    UsageQuery query() {
        Instant to = Instant.now().plusSeconds(1);
        Instant from = LocalDate.ofInstant(to, ZoneOffset.UTC)
                .minusDays(getDays() - 1L)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new UsageQuery(from, to, blankToNull(model), blankToNull(key), null, outcome());
    }

    private UsageOutcome outcome() {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return UsageOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<UsageGroup> biggestFirst(List<UsageGroup> groups) {
        return groups.stream()
                .sorted(Comparator.comparing(UsageView::cost)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong(UsageGroup::calls).reversed()))
                .toList();
    }

    private static double cost(UsageGroup group) {
        return group.cost() == null ? 0 : group.cost().doubleValue();
    }

    private static double[] values(List<UsageGroup> perDay, List<String> days, ToDoubleFunction<UsageGroup> value) {
        double[] values = new double[days.size()];
        for (UsageGroup group : perDay) {
            int index = days.indexOf(
                    group.group().substring(0, Math.min(10, group.group().length())));
            if (index >= 0) {
                values[index] += value.applyAsDouble(group);
            }
        }
        return values;
    }

    private static void subtract(double[] from, double[] values) {
        for (int i = 0; i < from.length; i++) {
            from[i] = Math.max(0, from[i] - values[i]);
        }
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A group's name as the page shows it: calls without a gateway key have none. */
    static String groupName(UsageGroup group) {
        return group.group() == null ? "(no key)" : group.group();
    }

    /** The "Filter" button: the same page with the period and filters in its URL. */
    public String apply() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/console/usage.xhtml" + AuditView.queryOf(parameters()));
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }

    /** The page's URL parameters that differ from their defaults, in a fixed order. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("days", getDays() == 7 ? null : String.valueOf(getDays()));
        parameters.put("by", isByKey() ? "key" : null);
        parameters.put("key", blankToNull(key));
        parameters.put("model", blankToNull(model));
        parameters.put("outcome", outcome() == null ? null : outcome().name());
        return parameters;
    }

    /** The link of this view with another period or grouping. */
    public String linkWith(String name, String value) {
        Map<String, String> parameters = parameters();
        parameters.put(name, value == null || value.isBlank() ? null : value);
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/console/usage.xhtml"
                + AuditView.queryOf(parameters);
    }

    public Integer getDays() {
        return days != null && PERIODS.contains(days) ? days : 7;
    }

    /** The URL's {@code days}, as text: see {@link ListUrlState#wholeNumber}. */
    public String getDaysText() {
        return days == null ? null : String.valueOf(days);
    }

    public void setDaysText(String text) {
        days = ListUrlState.wholeNumber(text, "days");
    }

    public List<Integer> getPeriods() {
        return PERIODS;
    }

    public boolean isByKey() {
        return "key".equalsIgnoreCase(by == null ? "" : by.strip());
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getOutcome() {
        return outcome() == null ? null : outcome().name();
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public List<String> getOutcomes() {
        return Arrays.stream(UsageOutcome.values()).map(Enum::name).toList();
    }

    public List<UsageGroup> getPerDay() {
        return report().perDay();
    }

    public List<UsageGroup> getPerModel() {
        return report().perModel();
    }

    /** The ten keys that cost most (then called most). */
    public List<UsageGroup> getTopKeys() {
        return report().perKey().stream().limit(10).toList();
    }

    public String getSpendChart() {
        return report().spendChart();
    }

    public String getTokensChart() {
        return report().tokensChart();
    }

    public String getLatencyChart() {
        return report().latencyChart();
    }

    public String getErrorChart() {
        return report().errorChart();
    }

    public String name(UsageGroup group) {
        return groupName(group);
    }

    /** A cost as a plain decimal with its currency; blank when nothing was priced. */
    public String money(BigDecimal amount, String currency) {
        return amount == null || currency == null
                ? "–"
                : amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    /** An error rate as a percentage with one decimal. */
    public String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** A call's start, to the second, UTC. */
    public String when(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .replace('T', ' ')
                .replace("Z", " UTC");
    }

    public LazyDataModel<UsageCall> getLog() {
        return log;
    }

    public ListUrlState getLogList() {
        return logList;
    }

    /** The request log, read page by page, newest first. */
    private final class Log extends LazyDataModel<UsageCall> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, reports.countCalls(query()));
        }

        @Override
        public List<UsageCall> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, 500));
            logList.shown(first, size);
            logList.publish(parameters());
            return reports.listCalls(query(), first / size, size);
        }

        @Override
        public String getRowKey(UsageCall call) {
            return String.valueOf(call.id());
        }
    }
}
