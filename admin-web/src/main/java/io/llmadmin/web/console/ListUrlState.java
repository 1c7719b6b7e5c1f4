package io.llmadmin.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.primefaces.PrimeFaces;
import org.primefaces.event.data.PageEvent;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * What a console list shows, as its URL parameters: {@code q} (text to find), {@code sort} (one of the list's sortable
 * columns, named as the field its {@code sortBy} expression ends in), {@code order=desc}, {@code page} (1-based) and
 * {@code rows} (a page size, where the list offers several). Every paged list of the console holds one: the models
 * (sorted and paged by the database), the gateway keys and the users (held in memory), the audit log and the usage
 * page's request log (paged only; their filters are the page's own parameters, passed to {@link #publish(Map)}).
 *
 * <p>After each change the state is sent back as the callback parameter {@code listQuery} and written into the address
 * bar by {@code llmAdminListInUrl}, so a reload or a shared link shows the same view. Anything the URL gets wrong (an
 * unknown column, a page of 0, 7 rows) falls back to its default; a page or rows that are not whole numbers are said
 * on the page and the other parameters still apply (an Integer view parameter that fails to convert makes JSF skip
 * every view parameter of the page).
 */
public class ListUrlState implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int DEFAULT_ROWS = 50;
    /** A longer text to find is cut, never a failed page (the registry takes at most this much). */
    static final int MAX_TEXT = 200;

    static final int MAX_PAGE = 1_000_000;

    private final List<String> sortable;
    private final Set<Integer> rowChoices;
    private String q;
    private String sort;
    private String order;
    private Integer page;
    private Integer rows;

    /** A list of {@value #DEFAULT_ROWS} rows a page that sorts by these columns (none: it is paged only). */
    ListUrlState(List<String> sortable) {
        this(sortable, Set.of(DEFAULT_ROWS));
    }

    /** A list that sorts by these columns and offers these page sizes ({@value #DEFAULT_ROWS} is the default). */
    ListUrlState(List<String> sortable, Set<Integer> rowChoices) {
        this.sortable = List.copyOf(sortable);
        this.rowChoices = Set.copyOf(rowChoices);
    }

    /** The text to find, stripped and cut to {@value #MAX_TEXT} characters, or null. */
    String textFilter() {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /**
     * The rows whose text (as {@code text} gives it) holds the text to find, in a list of their own: the table sorts it
     * in place (from the URL's sort or a click on a column).
     */
    <T> List<T> filter(List<T> rows, Function<T, String> text) {
        String wanted = textFilter() == null ? null : textFilter().toLowerCase(Locale.ROOT);
        List<T> shown = new ArrayList<>();
        for (T row : rows) {
            if (wanted == null || text.apply(row).toLowerCase(Locale.ROOT).contains(wanted)) {
                shown.add(row);
            }
        }
        return shown;
    }

    /** The column sorted by, or null for the list's own order. */
    String sortField() {
        return sort != null && sortable.contains(sort) ? sort : null;
    }

    boolean descending() {
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

    /** Takes the table's sort, if it sorts by a column of the list; true when it did. */
    boolean sortedBy(Map<String, SortMeta> sortBy) {
        for (SortMeta meta : sortBy.values()) {
            if (meta.getOrder() != SortOrder.UNSORTED && sortable.contains(meta.getField())) {
                sort = meta.getField();
                order = meta.getOrder() == SortOrder.DESCENDING ? "desc" : null;
                return true;
            }
        }
        return false;
    }

    /** The table's page size. */
    public int getPageSize() {
        return rows != null && rowChoices.contains(rows) ? rows : DEFAULT_ROWS;
    }

    /** The table sets it when one picks another page size. */
    public void setPageSize(int size) {
        rows = rowChoices.contains(size) ? size : null;
    }

    /** The first row shown (0-based), from the URL's page. */
    public int getFirst() {
        return page == null || page < 1 || page > MAX_PAGE ? 0 : (page - 1) * getPageSize();
    }

    /** The table sets it as one pages. */
    public void setFirst(int first) {
        page = first / getPageSize() + 1;
    }

    /** The table showed {@code size} rows from {@code first}. */
    void shown(int first, int size) {
        setPageSize(size);
        setFirst(first);
    }

    /** Turns to the page that shows the row at this position (0-based); nothing when it is not listed (-1). */
    void showRow(int position) {
        if (position >= 0) {
            page = position / getPageSize() + 1;
        }
    }

    /** Back to the first page (after the filters changed). */
    void firstPage() {
        page = null;
    }

    /** The table of a list held in memory was sorted by a column: back to its first page. */
    public void sorted(SortEvent event) {
        if (sortedBy(event.getSortBy())) {
            page = null;
        }
        publish();
    }

    /** The table of a list held in memory turned to another page. */
    public void paged(PageEvent event) {
        page = event.getPage() + 1;
        publish();
    }

    /** The text to find changed: back to the first page. */
    public void filtered() {
        firstPage();
        publish();
    }

    /** Sends the state to the address bar ({@code listQuery}). */
    void publish() {
        publish(Map.of());
    }

    /** Sends the state to the address bar ({@code listQuery}), after the page's own filters. */
    void publish(Map<String, String> filters) {
        PrimeFaces.current().ajax().addCallbackParam("listQuery", query(filters));
    }

    /**
     * The page's own filters (in their order, null values left out), then the state, as URL parameters
     * ({@code ?type=chat&q=gpt&sort=id&order=desc&page=2&rows=20}); defaults are left out.
     */
    String query(Map<String, String> filters) {
        Map<String, String> parameters = new LinkedHashMap<>(filters);
        parameters.put("q", textFilter());
        parameters.put("sort", sortField());
        parameters.put("order", descending() ? "desc" : null);
        int shownPage = getFirst() / getPageSize() + 1;
        parameters.put("page", shownPage > 1 ? String.valueOf(shownPage) : null);
        parameters.put("rows", getPageSize() == DEFAULT_ROWS ? null : String.valueOf(getPageSize()));
        return AuditView.queryOf(parameters);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
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

    /** The URL's page (1-based) as given, or null. */
    Integer page() {
        return page;
    }

    /** The URL's {@code page}, as text: see {@link #setPageText}. */
    public String getPageText() {
        return page == null ? null : String.valueOf(page);
    }

    /** Reads the URL's page; one that is not a whole number is said on the page and the list opens at its start. */
    public void setPageText(String text) {
        page = wholeNumber(text, "page");
    }

    /** The URL's {@code rows}, as text. */
    public String getRowsText() {
        return rows == null ? null : String.valueOf(rows);
    }

    /** Reads the URL's page size; one that is not a whole number is said on the page and the default applies. */
    public void setRowsText(String text) {
        rows = wholeNumber(text, "rows");
    }

    /**
     * A whole-number URL parameter read as text: null when absent, and when it is not a whole number (said on the page
     * as "{@code name} must be a whole number"), so the page's other view parameters still apply.
     */
    static Integer wholeNumber(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            ConsoleMessages.error(name + " must be a whole number");
            return null;
        }
    }
}
