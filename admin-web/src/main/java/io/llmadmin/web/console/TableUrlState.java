package io.llmadmin.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.PrimeFaces;
import org.primefaces.event.data.PageEvent;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The URL state of a list held in memory (the gateway keys, the users): {@code q} (text to find), {@code sort} (one of
 * the list's sortable columns), {@code order=desc} and {@code page} (1-based), 50 rows a page. Each change is sent back
 * as the callback parameter {@code listQuery} and written into the address bar by {@code llmAdminListInUrl}, as the
 * models list does, so a reload or a shared link shows the same view; a wrong parameter falls back to its default.
 */
public class TableUrlState implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int ROWS = 50;

    private final List<String> sortable;
    private String q;
    private String sort;
    private String order;
    private Integer page;

    /** @param sortable the columns that sort, by the field name their {@code sortBy} expression ends in */
    TableUrlState(List<String> sortable) {
        this.sortable = List.copyOf(sortable);
    }

    /**
     * The rows whose text (as {@code text} gives it) holds {@code q}, in a list of their own: the table sorts it in place
     * (from the URL's sort or a click on a column).
     */
    <T> List<T> filter(List<T> rows, Function<T, String> text) {
        String wanted = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<T> shown = new ArrayList<>();
        for (T row : rows) {
            if (wanted == null || text.apply(row).toLowerCase(Locale.ROOT).contains(wanted)) {
                shown.add(row);
            }
        }
        return shown;
    }

    private String sortField() {
        return sort != null && sortable.contains(sort) ? sort : null;
    }

    private boolean descending() {
        return sortField() != null && "desc".equals(order);
    }

    /** The table's first sort, from the URL (null: the list's own order). */
    public SortMeta getInitialSort() {
        return sortField() == null
                ? null
                : SortMeta.builder()
                        .field(sortField())
                        .order(descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING)
                        .build();
    }

    /** The first row shown (0-based), from the URL's page. */
    public int getFirst() {
        return page == null || page < 1 || page > 1_000_000 ? 0 : (page - 1) * ROWS;
    }

    public void setFirst(int first) {
        page = first / ROWS + 1;
    }

    public int getRows() {
        return ROWS;
    }

    /** The table was sorted by a column. */
    public void sorted(SortEvent event) {
        for (SortMeta meta : event.getSortBy().values()) {
            if (meta.getOrder() != SortOrder.UNSORTED && sortable.contains(meta.getField())) {
                sort = meta.getField();
                order = meta.getOrder() == SortOrder.DESCENDING ? "desc" : null;
                page = null;
                break;
            }
        }
        publish();
    }

    /** The table turned to another page. */
    public void paged(PageEvent event) {
        page = event.getPage() + 1;
        publish();
    }

    /** The text to find changed: back to the first page. */
    public void filtered() {
        page = null;
        publish();
    }

    private void publish() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q == null || q.isBlank() ? null : q.strip());
        parameters.put("sort", sortField());
        parameters.put("order", descending() ? "desc" : null);
        parameters.put("page", page == null || page <= 1 ? null : String.valueOf(page));
        PrimeFaces.current().ajax().addCallbackParam("listQuery", AuditView.queryOf(parameters));
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null || q.length() <= 200 ? q : q.substring(0, 200);
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    /** The URL's {@code page} as typed: an Integer view parameter that fails to convert would drop the filter too. */
    public String getPageText() {
        return page == null ? null : String.valueOf(page);
    }

    /**
     * Reads the URL's page leniently: a page that is not a whole number is said on the page and the list opens at its
     * first page, keeping the URL's filter and sort (a JSF conversion failure would skip every view parameter).
     */
    public void setPageText(String text) {
        if (text == null || text.isBlank()) {
            page = null;
            return;
        }
        try {
            page = Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            page = null;
            ConsoleMessages.error("page must be a whole number");
        }
    }
}
