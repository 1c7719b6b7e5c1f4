package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.Providers;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelRegistry;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The model page ({@code /console/model.xhtml}, {@code ?id=} to edit, none to create): admins only. The form keeps the
 * version it was loaded at, so a save after someone else's change is refused by the registry and says so; every change
 * goes through {@link ModelRegistry}, which validates it (its field errors land on the inputs) and audits it as the
 * signed-in user.
 */
@Named("modelEditor")
@ViewScoped
public class ModelEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: its inputs' client ids are {@code modelForm:<component>}. */
    static final String FORM = "modelForm";

    static final String CONFLICT = "This model was changed by someone else since you opened it; reload the page to"
            + " see the current version, then apply your change again. Nothing was saved.";

    static final String ADMINS_ONLY = "Only admins may change models.";

    private final ModelRegistry registry;
    private final SignedInUser signedIn;

    private String id;
    private ModelForm form;
    private boolean missing;

    @Inject
    public ModelEditor(ModelRegistry registry, SignedInUser signedIn) {
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ModelEditor() {
        this(null, null);
    }

    /** Reads the model named by {@code ?id=} once per view (a new form without it). */
    public void load() {
        if (form != null) {
            return;
        }
        if (id == null || id.isBlank()) {
            form = new ModelForm();
            return;
        }
        form = registry.find(id).map(ModelForm::of).orElse(null);
        if (form == null) {
            missing = true;
            message(null, "No model '" + id + "'.");
        }
    }

    /** Creates or updates the model; on success back to the list (which says so), else messages on the fields and nothing stored. */
    public String save() {
        if (!signedIn.isAdmin()) {
            message(null, ADMINS_ONLY);
            return null;
        }
        if (form == null) {
            return null;
        }
        try {
            if (form.isStored()) {
                registry.update(signedIn.getName(), form.getCatalogId(), form.getVersion(), form.toDraft());
            } else {
                registry.create(signedIn.getName(), form.toDraft());
            }
            return "/console/models?faces-redirect=true&saved="
                    + URLEncoder.encode(form.getCatalogId().trim(), StandardCharsets.UTF_8);
        } catch (InvalidChangeException e) {
            showFieldErrors(e.fieldErrors());
        } catch (StaleVersionException e) {
            message(null, CONFLICT);
        } catch (UnknownEntityException e) {
            message(null, "This model was deleted by someone else since you opened it. Nothing was saved.");
        } catch (ConflictingChangeException e) {
            String target = form.isStored() ? null : clientId("catalogId");
            message(target, e.getMessage());
        }
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    private void showFieldErrors(List<FieldError> errors) {
        for (FieldError error : errors) {
            String component = ModelForm.componentOf(error.field()).orElse(null);
            if (component == null) {
                message(null, error.field() + " " + error.message());
            } else {
                message(clientId(component), error.message());
            }
        }
        message(null, "Nothing was saved: correct the fields marked.");
    }

    private static String clientId(String component) {
        return FORM + ":" + component;
    }

    private static void message(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<String> getTypes() {
        return ModelType.apiNames();
    }

    public List<String> getProviders() {
        return Providers.KNOWN;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ModelForm getForm() {
        return form;
    }

    public boolean isMissing() {
        return missing;
    }
}
