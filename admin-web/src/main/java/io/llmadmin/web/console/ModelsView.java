package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The models page ({@code /console/models.xhtml}): the registry's models, one page at a time from the database
 * (sorted and filtered there), for admins and viewers; admins activate and deactivate them here (a deactivation can be
 * undone at once) and open the model page to create or edit. The filters, the sort and the page are the page's URL
 * parameters ({@code type}, then {@code q}, {@code sort}, {@code order}, {@code page}, {@code rows}: see {@link ListUrlState}),
 * kept up to date as one filters, sorts and pages, so a reload or a shared link shows the same view. Every change goes
 * through {@link ModelRegistry} as the signed-in user, who is checked to be an admin again here, whatever the page
 * showed.
 */
@Named("models")
@ViewScoped
public class ModelsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "modelsForm:models";

    static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** The table's sort fields: the rows' properties, named as the registry's sort fields. */
    static final List<String> SORT_FIELDS = List.of("id", "displayName", "type", "provider", "updatedAt");

    static final Set<Integer> ROW_CHOICES = Set.of(20, 50, 100);

    private final ModelRegistry registry;
    private final SignedInUser signedIn;
    private final Rows rows = new Rows();

    private final ListUrlState state = new ListUrlState(SORT_FIELDS, ROW_CHOICES);
    /** The URL's {@code type}: a model type's API name. */
    private String type;

    private String saved;
    private String deleted;
    /** The model just deactivated here, with its version since, while its "Undo" is offered. */
    private String undoable;

    private long undoableVersion;

    @Inject
    public ModelsView(ModelRegistry registry, SignedInUser signedIn) {
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ModelsView() {
        this(null, null);
    }

    public LazyDataModel<ModelRow> getRows() {
        return rows;
    }

    /**
     * The query for one page of the table, with this view's filters; the table's sort, else the URL's. It is also
     * the state the URL now shows (see {@link #parameters()}).
     */
    ModelQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        state.sortedBy(sortBy);
        state.shown(first, pageSize);
        int size = state.getPageSize();
        return listed(state.getFirst() / size, size);
    }

    /** One page of the models as the list filters and sorts them now. */
    private ModelQuery listed(int page, int size) {
        return new ModelQuery(
                modelType(), null, null, state.textFilter(), state.sortField(), state.descending(), page, size);
    }

    ModelType modelType() {
        return type == null || type.isBlank() ? null : ModelType.fromLabel(type).orElse(null);
    }

    /** The page's own filter, before the list's state in the URL. */
    Map<String, String> parameters() {
        ModelType modelType = modelType();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("type", modelType == null ? null : modelType.apiName());
        return parameters;
    }

    /**
     * When the page opens: after the model page saved a model ({@code ?saved=id}) says so and, unless the URL names a
     * page, turns to the page the saved row is on; after a delete ({@code ?deleted=id}) says so.
     */
    public void announce() {
        if (saved != null && !saved.isBlank() && registry.find(saved).isPresent()) {
            ConsoleMessages.info("Saved " + saved + ".");
            if (state.page() == null) {
                state.showRow(positionOf(saved));
            }
        }
        if (deleted != null && !deleted.isBlank() && registry.find(deleted).isEmpty()) {
            ConsoleMessages.info("Deleted " + deleted + ".");
        }
    }

    /** Where a model is in the list as filtered and sorted now (0-based), or -1 when the filters hide it. */
    int positionOf(String catalogId) {
        int page = 0;
        int position = 0;
        Page<ModelView> found;
        do {
            found = registry.list(listed(page++, ModelQuery.MAX_SIZE));
            for (ModelView model : found.items()) {
                if (model.catalogId().equals(catalogId)) {
                    return position;
                }
                position++;
            }
        } while (found.items().size() == ModelQuery.MAX_SIZE);
        return -1;
    }

    /** After a filter changed: back to the first page. */
    public void filtered() {
        state.firstPage();
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    /** Shows a model to clients again. */
    public void activate(String catalogId, long version) {
        undoable = null;
        FacesContext.getCurrentInstance().addMessage(null, setActive(catalogId, version, true));
    }

    /** Hides a model from clients (it stays stored), after the browser's confirmation; offers to undo it. */
    public void deactivate(String catalogId, long version) {
        FacesMessage outcome = setActive(catalogId, version, false);
        FacesContext.getCurrentInstance().addMessage(null, outcome);
        if (outcome.getSeverity() == FacesMessage.SEVERITY_INFO) {
            undoable = catalogId;
            undoableVersion = registry.find(catalogId).map(ModelView::version).orElse(version);
        }
    }

    /** Undoes the deactivation just made here: the model is active again. */
    public void undo() {
        if (undoable != null) {
            String catalogId = undoable;
            undoable = null;
            FacesMessage outcome = setActive(catalogId, undoableVersion, true);
            if (outcome.getSeverity() == FacesMessage.SEVERITY_INFO) {
                outcome = new FacesMessage(
                        FacesMessage.SEVERITY_INFO, "Undone: " + catalogId + " is active again.", null);
            }
            FacesContext.getCurrentInstance().addMessage(null, outcome);
        }
    }

    public String getUndoable() {
        return undoable;
    }

    /** Activates or deactivates a model if the signed-in user is an admin; what happened, as a message. */
    FacesMessage setActive(String catalogId, long version, boolean active) {
        if (!signedIn.isAdmin()) {
            return error(ModelEditor.ADMINS_ONLY);
        }
        try {
            registry.setActive(signedIn.getName(), catalogId, active, OptionalLong.of(version));
            return new FacesMessage(
                    FacesMessage.SEVERITY_INFO, (active ? "Activated " : "Deactivated ") + catalogId + ".", null);
        } catch (StaleVersionException e) {
            return error(ConsoleMessages.changedSinceListed(catalogId));
        } catch (UnknownEntityException e) {
            return error(ConsoleMessages.deletedMeanwhile("model '" + catalogId + "'"));
        } catch (ConflictingChangeException e) {
            return error(e.getMessage());
        }
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    public List<String> getTypes() {
        return ModelType.apiNames();
    }

    public ListUrlState getState() {
        return state;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSaved() {
        return saved;
    }

    public void setSaved(String saved) {
        this.saved = saved;
    }

    public String getDeleted() {
        return deleted;
    }

    public void setDeleted(String deleted) {
        this.deleted = deleted;
    }

    static ModelRow rowOf(ModelView model, ZoneId zone) {
        OffsetDateTime updated = model.updatedAt();
        return new ModelRow(
                model.catalogId(),
                model.displayName(),
                model.type().apiName(),
                model.provider(),
                model.active(),
                updated,
                updated == null ? "" : UPDATED.format(updated.atZoneSameInstant(zone)),
                model.version());
    }

    /** The table's rows, read page by page from the registry. */
    private final class Rows extends LazyDataModel<ModelRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) registry.list(new ModelQuery(modelType(), null, null, state.textFilter(), null, false, 0, 1))
                    .totalItems();
        }

        @Override
        public List<ModelRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Page<ModelView> found = registry.list(query(first, pageSize, sortBy));
            setRowCount((int) found.totalItems());
            state.publish(parameters());
            ZoneId zone = ZoneId.systemDefault();
            return found.items().stream().map(model -> rowOf(model, zone)).toList();
        }

        @Override
        public String getRowKey(ModelRow row) {
            return row.getId();
        }

        @Override
        public ModelRow getRowData(String rowKey) {
            return registry.find(rowKey)
                    .map(model -> rowOf(model, ZoneId.systemDefault()))
                    .orElse(null);
        }
    }

    /** One model as the table shows it. */
    public static final class ModelRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String displayName;
        private final String type;
        private final String provider;
        private final boolean active;
        private final OffsetDateTime updatedAt;
        private final String updatedText;
        private final long version;

        ModelRow(
                String id,
                String displayName,
                String type,
                String provider,
                boolean active,
                OffsetDateTime updatedAt,
                String updatedText,
                long version) {
            this.id = id;
            this.displayName = displayName;
            this.type = type;
            this.provider = provider;
            this.active = active;
            this.updatedAt = updatedAt;
            this.updatedText = updatedText;
            this.version = version;
        }

        public String getId() {
            return id;
        }

        public String getDisplayName() {
            return displayName;
        }

        public String getType() {
            return type;
        }

        public String getProvider() {
            return provider;
        }

        public boolean isActive() {
            return active;
        }

        /** For sorting: the time, not its text. */
        public OffsetDateTime getUpdatedAt() {
            return updatedAt;
        }

        public String getUpdatedText() {
            return updatedText;
        }

        public long getVersion() {
            return version;
        }
    }
}
