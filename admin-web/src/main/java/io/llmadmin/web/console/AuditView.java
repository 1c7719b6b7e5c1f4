package io.llmadmin.web.console;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.audit.AuditQuery;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.users.ConsoleUsers;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log page ({@code /console/audit.xhtml}, admins and viewers): who changed what and when, newest first,
 * filtered by entity type and id, actor, action and day range; each event shows its recorded before and after states
 * side by side, field by field. The filters are the page's URL parameters ({@code entityType}, {@code entityId},
 * {@code actor}, {@code action}, {@code from}, {@code to} as {@code yyyy-MM-dd}, UTC) with the list's {@code page}
 * ({@link ListUrlState}), so a filtered view can be linked to: a model's history is {@code audit.xhtml?entityType=Model&entityId=<catalog id>}.
 */
@Named("audit")
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** The entity types people pick from, with the names the audit log stores; short aliases accepted in URLs. */
    static final Map<String, String> ENTITY_TYPES = entityTypes();

    private static final Map<String, String> ALIASES = Map.of(
            "model", ModelRegistry.ENTITY_TYPE,
            "user", ConsoleUsers.ENTITY_TYPE,
            "gatewaykey", GatewayKeys.ENTITY_TYPE,
            "gateway-key", GatewayKeys.ENTITY_TYPE);

    private final AuditLog auditLog;
    private final Rows rows = new Rows();

    private String entityType;
    private String entityId;
    private String actor;
    private String action;
    private LocalDate from;
    private LocalDate to;
    /** The list's page, kept in the URL. */
    private final ListUrlState list = new ListUrlState(List.of());

    @Inject
    public AuditView(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected AuditView() {
        this(null);
    }

    private static Map<String, String> entityTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("Model", ModelRegistry.ENTITY_TYPE);
        types.put("Gateway key", GatewayKeys.ENTITY_TYPE);
        types.put("User", ConsoleUsers.ENTITY_TYPE);
        types.put("Import run", "ImportRun");
        return types;
    }

    /** The audit log's name for an entity type given in the URL or the filter ({@code Model} is accepted too). */
    static String storedEntityType(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String alias = ALIASES.get(given.strip().toLowerCase(Locale.ROOT));
        return alias == null ? given.strip() : alias;
    }

    /** The query for one page, from the filters; a bad one (from after to) is said next to the filter. */
    AuditQuery query(int first, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, AuditQuery.MAX_SIZE));
        return new AuditQuery(
                storedEntityType(entityType),
                blankToNull(entityId),
                blankToNull(actor),
                action == null || action.isBlank() ? null : action.strip().toUpperCase(Locale.ROOT),
                from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                first / size,
                size);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The "Filter" button: the same page with the filters in its URL (from the first page). */
    public String apply() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/console/audit.xhtml" + queryOf(filters()));
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }

    /** The filters set, as URL parameters in a fixed order. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("entityType", entityType);
        filters.put("entityId", blankToNull(entityId));
        filters.put("actor", blankToNull(actor));
        filters.put("action", blankToNull(action));
        filters.put("from", from == null ? null : from.toString());
        filters.put("to", to == null ? null : to.toString());
        return filters;
    }

    /** {@code ?a=1&b=2} of the parameters that have a value, or empty. */
    static String queryOf(Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    /** The "Clear" button. */
    public String clear() {
        return "/console/audit?faces-redirect=true";
    }

    public LazyDataModel<EventRow> getRows() {
        return rows;
    }

    public Map<String, String> getEntityTypes() {
        return ENTITY_TYPES;
    }

    /** A heading for a filtered view, like "History of model gpt-4o". */
    public String getHeading() {
        String type = storedEntityType(entityType);
        if (type != null && entityId != null && !entityId.isBlank()) {
            String label = ENTITY_TYPES.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(type))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(type);
            return "History of " + label.toLowerCase(Locale.ROOT) + " " + entityId.strip();
        }
        return "Audit log";
    }

    public ListUrlState getList() {
        return list;
    }

    public String getEntityType() {
        return entityType;
    }

    /** Takes an alias ({@code Model}) as the stored name, so the filter's menu shows it chosen. */
    public void setEntityType(String entityType) {
        this.entityType = storedEntityType(entityType);
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    /** The events, read page by page from the audit log. */
    private final class Rows extends LazyDataModel<EventRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) auditLog.search(query(0, 1)).totalItems();
            } catch (InvalidChangeException e) {
                return 0;
            }
        }

        @Override
        public List<EventRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Page<AuditEvent> found;
            try {
                found = auditLog.search(query(first, pageSize));
            } catch (InvalidChangeException e) {
                ConsoleMessages.fieldErrors(
                        e.fieldErrors(), Map.of("from", "auditFilters:from", "to", "auditFilters:to"));
                setRowCount(0);
                return List.of();
            }
            setRowCount((int) found.totalItems());
            list.shown(first, pageSize);
            list.publish(filters());
            ZoneId zone = ZoneId.systemDefault();
            return found.items().stream().map(event -> EventRow.of(event, zone)).toList();
        }

        @Override
        public String getRowKey(EventRow row) {
            return Long.toString(row.getId());
        }

        @Override
        public EventRow getRowData(String rowKey) {
            return null;
        }
    }

    /** One audit event as the table shows it, with its diff. */
    public static final class EventRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long id;
        private final String when;
        private final String actor;
        private final String action;
        private final String entityType;
        private final String entityId;
        private final List<AuditDiff.Line> diff;

        EventRow(
                long id,
                String when,
                String actor,
                String action,
                String entityType,
                String entityId,
                List<AuditDiff.Line> diff) {
            this.id = id;
            this.when = when;
            this.actor = actor;
            this.action = action;
            this.entityType = entityType;
            this.entityId = entityId;
            this.diff = diff;
        }

        static EventRow of(AuditEvent event, ZoneId zone) {
            OffsetDateTime at = event.occurredAt();
            return new EventRow(
                    event.id(),
                    at == null ? "" : WHEN.format(at.atZoneSameInstant(zone)),
                    event.actor(),
                    event.action(),
                    event.entityType(),
                    event.entityId(),
                    AuditDiff.of(event.beforeJson(), event.afterJson()));
        }

        public long getId() {
            return id;
        }

        public String getWhen() {
            return when;
        }

        public String getActor() {
            return actor;
        }

        public String getAction() {
            return action;
        }

        public String getEntityType() {
            return entityType;
        }

        public String getEntityId() {
            return entityId;
        }

        public List<AuditDiff.Line> getDiff() {
            return diff;
        }

        /** How many fields differ between before and after. */
        public long getChangedCount() {
            return diff.stream().filter(AuditDiff.Line::isChanged).count();
        }
    }
}
