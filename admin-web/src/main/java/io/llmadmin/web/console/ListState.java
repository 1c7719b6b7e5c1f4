package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.registry.ModelQuery;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the models list shows, as its URL parameters: {@code type}, {@code q} (the text filter), {@code sort} (a field
 * of {@link ModelQuery#SORT_FIELDS}), {@code order} ({@code desc}, else ascending), {@code page} (1-based) and
 * {@code rows}. Anything the URL gets wrong (an unknown type, a page of 0, 7 rows) falls back to the default, so an old
 * or hand-made link still shows a list rather than an error. {@link #query()} writes the state back as parameters,
 * defaults left out.
 */
public class ListState implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int DEFAULT_ROWS = 50;
    static final Set<Integer> ROW_CHOICES = Set.of(20, 50, 100);
    /** The registry takes at most this much text to filter on; a longer paste is cut, never a failed page. */
    static final int MAX_TEXT = 200;

    private String type;
    private String q;
    private String sort;
    private String order;
    private Integer page;
    private Integer rows;

    ModelType modelType() {
        return type == null || type.isBlank() ? null : ModelType.fromLabel(type).orElse(null);
    }

    String textFilter() {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /** The registry's sort field, or null for its own order. */
    String sortField() {
        return sort != null && ModelQuery.SORT_FIELDS.containsKey(sort) ? sort : null;
    }

    boolean descending() {
        return sortField() != null && "desc".equals(order);
    }

    void sortBy(String field, boolean descending) {
        this.sort = field;
        this.order = descending ? "desc" : "asc";
    }

    int pageSize() {
        return rows != null && ROW_CHOICES.contains(rows) ? rows : DEFAULT_ROWS;
    }

    /** The first row shown (0-based). */
    public int getFirst() {
        return page == null || page < 1 || page > ModelQuery.MAX_PAGE ? 0 : (page - 1) * pageSize();
    }

    /** The table sets it as one pages. */
    public void setFirst(int first) {
        page = first / pageSize() + 1;
    }

    int first() {
        return getFirst();
    }

    /** The table showed the rows from {@code first}, {@code size} of them. */
    void paged(int first, int size) {
        rows = ROW_CHOICES.contains(size) ? size : null;
        page = first / pageSize() + 1;
    }

    /** Turns to the page that shows the row at this position (0-based); nothing when it is not listed (-1). */
    void showRow(int position) {
        if (position >= 0) {
            page = position / pageSize() + 1;
        }
    }

    /** The state as URL parameters ({@code ?type=chat&sort=id&order=desc&page=2}), or empty for the defaults. */
    String query() {
        Map<String, String> parameters = new LinkedHashMap<>();
        ModelType modelType = modelType();
        parameters.put("type", modelType == null ? null : modelType.apiName());
        parameters.put("q", textFilter());
        parameters.put("sort", sortField());
        parameters.put("order", descending() ? "desc" : null);
        int shownPage = getFirst() / pageSize() + 1;
        parameters.put("page", shownPage > 1 ? String.valueOf(shownPage) : null);
        parameters.put("rows", pageSize() == DEFAULT_ROWS ? null : String.valueOf(pageSize()));
        return AuditView.queryOf(parameters);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getRows() {
        return rows;
    }

    public void setRows(Integer rows) {
        this.rows = rows;
    }

    /** The table's page size. */
    public int getPageSize() {
        return pageSize();
    }

    public void setPageSize(int size) {
        rows = ROW_CHOICES.contains(size) ? size : null;
    }
}
