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
import java.util.ArrayList;
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
        }
    }

    /**
     * Creates or updates the model; on success back to the list (which says so), else messages on the fields and
     * nothing stored.
     */
    public String save() {
        Saved result = store();
        if (result.outcome() != null) {
            return result.outcome();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Refusal refusal : result.refusals()) {
            faces.addMessage(refusal.clientId(), new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.text(), null));
        }
        faces.validationFailed();
        return null;
    }

    /** The save itself, without the page: where to go next, or why nothing was stored. */
    Saved store() {
        if (!signedIn.isAdmin()) {
            return Saved.refused(List.of(new Refusal(null, ADMINS_ONLY)));
        }
        if (form == null) {
            return Saved.refused(List.of(new Refusal(null, "No model to save.")));
        }
        try {
            if (form.isStored()) {
                registry.update(signedIn.getName(), form.getCatalogId(), form.getVersion(), form.toDraft());
            } else {
                registry.create(signedIn.getName(), form.toDraft());
            }
            return new Saved(
                    "/console/models?faces-redirect=true&saved="
                            + URLEncoder.encode(form.getCatalogId().trim(), StandardCharsets.UTF_8),
                    List.of());
        } catch (InvalidChangeException e) {
            return Saved.refused(fieldRefusals(e.fieldErrors()));
        } catch (StaleVersionException e) {
            return Saved.refused(List.of(new Refusal(null, CONFLICT)));
        } catch (UnknownEntityException e) {
            return Saved.refused(List.of(new Refusal(
                    null, "This model was deleted by someone else since you opened it. Nothing was saved.")));
        } catch (ConflictingChangeException e) {
            String target = form.isStored() ? null : clientId("catalogId");
            return Saved.refused(List.of(new Refusal(target, e.getMessage())));
        }
    }

    /** Each of the registry's field errors on its input (or on the form when the form does not show the field). */
    static List<Refusal> fieldRefusals(List<FieldError> errors) {
        List<Refusal> refusals = new ArrayList<>();
        for (FieldError error : errors) {
            String component = ModelForm.componentOf(error.field()).orElse(null);
            if (component == null) {
                refusals.add(new Refusal(null, error.field() + " " + error.message()));
            } else {
                refusals.add(new Refusal(clientId(component), error.message()));
            }
        }
        refusals.add(new Refusal(null, "Nothing was saved: correct the fields marked."));
        return refusals;
    }

    private static String clientId(String component) {
        return FORM + ":" + component;
    }

    /** One reason a save was refused, for an input ({@code clientId}) or for the whole form (null). */
    record Refusal(String clientId, String text) {}

    /** A save's end: the outcome to navigate to, or (outcome null) the refusals to show. */
    record Saved(String outcome, List<Refusal> refusals) {
        static Saved refused(List<Refusal> refusals) {
            return new Saved(null, refusals);
        }
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
