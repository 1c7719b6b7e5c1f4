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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The models page ({@code /console/models.xhtml}): the registry's models, one page at a time from the database
 * (sorted and filtered there), for admins and viewers; admins activate and deactivate them here and open the model
 * page to create or edit. Every change goes through {@link ModelRegistry} as the signed-in user, who is checked to be
 * an admin again here, whatever the page showed.
 */
@Named("models")
@ViewScoped
public class ModelsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "modelsForm:models";

    static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** The table's sort fields (the rows' properties) and the registry's names for them. */
    static final Map<String, String> SORT_FIELDS = Map.of(
            "id", "id",
            "displayName", "displayName",
            "type", "type",
            "provider", "provider",
            "updatedAt", "updatedAt");

    private final ModelRegistry registry;
    private final SignedInUser signedIn;
    private final Rows rows = new Rows();

    private String type;
    private String text;
    private String saved;

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

    /** The query for one page of the table, with this view's filters. */
    ModelQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        String sortField = null;
        boolean descending = false;
        for (SortMeta sort : sortBy.values()) {
            String field = SORT_FIELDS.get(sort.getField());
            if (field != null && sort.getOrder() != SortOrder.UNSORTED) {
                sortField = field;
                descending = sort.getOrder() == SortOrder.DESCENDING;
                break;
            }
        }
        int size = Math.max(1, Math.min(pageSize, ModelQuery.MAX_SIZE));
        ModelType modelType = type == null || type.isBlank()
                ? null
                : ModelType.fromLabel(type).orElse(null);
        String filter = text == null || text.isBlank() ? null : text.trim();
        return new ModelQuery(modelType, null, null, filter, sortField, descending, first / size, size);
    }

    /** After the model page saved a model ({@code ?saved=id}): says so, if there is such a model. */
    public void announceSaved() {
        if (saved != null && !saved.isBlank() && registry.find(saved).isPresent()) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved " + saved + ".", null));
        }
    }

    /** After a filter changed: back to the first page. */
    public void filtered() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    /** Shows a model to clients again. */
    public void activate(String catalogId, long version) {
        FacesContext.getCurrentInstance().addMessage(null, setActive(catalogId, version, true));
    }

    /** Hides a model from clients (it stays stored). */
    public void deactivate(String catalogId, long version) {
        FacesContext.getCurrentInstance().addMessage(null, setActive(catalogId, version, false));
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
            return error(catalogId + " was changed by someone else since the list was shown; the list now shows it"
                    + " as it is: try again.");
        } catch (UnknownEntityException e) {
            return error("No model '" + catalogId + "' any more: someone deleted it.");
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

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
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
            return (int) registry.list(query(0, 1, Map.of())).totalItems();
        }

        @Override
        public List<ModelRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Page<ModelView> found = registry.list(query(first, pageSize, sortBy));
            setRowCount((int) found.totalItems());
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
