package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.Providers;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.registry.ModelChecks;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.routing.ResponseCachePolicies;
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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model page ({@code /console/model.xhtml}, {@code ?id=} to edit, none to create): admins edit, viewers read the
 * same model as details. The form keeps the version it was loaded at, so a save or a delete after someone else's change
 * is refused by the registry and says so; every change goes through {@link ModelRegistry}, which validates it (its
 * field errors land on the inputs, together with the form's own: a number that is not one) and audits it as the
 * signed-in user. The model's response cache TTL is edited here too and saved with it ({@link ModelSaves}: the same
 * service and validation as the routes page). A save goes back to the list (Post/Redirect/Get), which shows the saved
 * row highlighted.
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

    /** The cache policies' name of the TTL field ({@link ResponseCachePolicies#ttlErrors}). */
    static final String CACHE_TTL_FIELD = "ttlSeconds";

    private final ModelRegistry registry;
    private final ModelSaves saves;
    private final SignedInUser signedIn;

    private String id;
    private ModelForm form;
    /** The TTL as typed, and as stored when the page was loaded (0: not cached), so an unchanged one is not set again. */
    private String cacheTtl = "0";

    private int storedCacheTtl;
    private boolean missing;
    private String fallbackChoice;
    private ArrayList<FallbackCandidate> candidates;

    @Inject
    public ModelEditor(ModelRegistry registry, ModelSaves saves, SignedInUser signedIn) {
        this.registry = registry;
        this.saves = saves;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ModelEditor() {
        this(null, null, null);
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
            return;
        }
        storedCacheTtl = saves.cacheTtlOf(id);
        cacheTtl = String.valueOf(storedCacheTtl);
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
        List<FieldError> inputErrors = new ArrayList<>(form.inputErrors());
        inputErrors.addAll(cacheTtlErrors());
        if (!inputErrors.isEmpty()) {
            return Saved.refused(fieldRefusals(withRegistryErrors(inputErrors, form.toDraft())));
        }
        int ttl = FormNumbers.whole(cacheTtl, 0);
        try {
            if (form.isStored()) {
                saves.update(
                        signedIn.getName(),
                        form.getCatalogId(),
                        form.getVersion(),
                        form.toDraft(),
                        ttl == storedCacheTtl ? OptionalInt.empty() : OptionalInt.of(ttl));
            } else {
                saves.create(signedIn.getName(), form.toDraft(), ttl);
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

    /** A TTL that is not a whole number, or one the cache policies would refuse (said as they say it). */
    private List<FieldError> cacheTtlErrors() {
        List<FieldError> errors = new ArrayList<>();
        FormNumbers.checkWhole(errors, CACHE_TTL_FIELD, cacheTtl);
        return errors.isEmpty() ? ResponseCachePolicies.ttlErrors(FormNumbers.whole(cacheTtl, 0)) : errors;
    }

    /**
     * The form's own errors and whatever else the registry would refuse in the same draft, so one round shows every
     * mistake (a field the form could not read is reported once, by the form).
     */
    private List<FieldError> withRegistryErrors(List<FieldError> inputErrors, ModelDraft draft) {
        Set<String> unreadable = inputErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> all = new ArrayList<>(inputErrors);
        for (FieldError error :
                ModelChecks.validate(draft, other -> registry.find(other).isPresent())) {
            if (unreadable.stream().noneMatch(field -> error.field().startsWith(field))) {
                all.add(error);
            }
        }
        return all;
    }

    /**
     * Deletes the stored model at the version the page loaded (after the browser's confirmation); back to the list,
     * which says so. Refused while another model falls back to it: the message names them.
     */
    public String delete() {
        Saved result = remove();
        if (result.outcome() != null) {
            return result.outcome();
        }
        result.refusals().forEach(refusal -> ConsoleMessages.error(refusal.text()));
        return null;
    }

    /** The delete itself, without the page. */
    Saved remove() {
        if (!signedIn.isAdmin()) {
            return Saved.refused(List.of(new Refusal(null, ADMINS_ONLY)));
        }
        if (form == null || !form.isStored()) {
            return Saved.refused(List.of(new Refusal(null, "No stored model to delete.")));
        }
        String catalogId = form.getCatalogId();
        try {
            registry.delete(signedIn.getName(), catalogId, OptionalLong.of(form.getVersion()));
            return new Saved(
                    "/console/models?faces-redirect=true&deleted="
                            + URLEncoder.encode(catalogId, StandardCharsets.UTF_8),
                    List.of());
        } catch (StaleVersionException e) {
            return Saved.refused(List.of(new Refusal(
                    null,
                    "This model was changed by someone else since you opened it; reload the page to see the current"
                            + " version before deleting it. Nothing was deleted.")));
        } catch (UnknownEntityException e) {
            return Saved.refused(List.of(new Refusal(null, "This model was already deleted by someone else.")));
        } catch (ConflictingChangeException e) {
            return Saved.refused(List.of(new Refusal(null, e.getMessage() + ". Nothing was deleted.")));
        }
    }

    /** Each of the registry's field errors on its input (or on the form when the form does not show the field). */
    static List<Refusal> fieldRefusals(List<FieldError> errors) {
        List<Refusal> refusals = new ArrayList<>();
        for (FieldError error : errors) {
            String component = ModelFormInputs.componentOf(error.field()).orElse(null);
            if (component == null) {
                refusals.add(new Refusal(null, error.field() + " " + error.message()));
            } else {
                refusals.add(new Refusal(clientId(component), inputText(error)));
            }
        }
        refusals.add(new Refusal(null, "Nothing was saved: correct the fields marked."));
        return refusals;
    }

    /**
     * The message next to an input: a member of the kwargs or one fallback of the list is named, since the input holds
     * several.
     */
    private static String inputText(FieldError error) {
        String field = error.field();
        if (field.startsWith("extraKwargs.") || field.startsWith("extraKwargs[")) {
            return field.substring("extraKwargs".length() + 1) + " " + error.message();
        }
        if (field.startsWith("fallbacks[")) {
            int index = Integer.parseInt(field.substring("fallbacks[".length(), field.indexOf(']')));
            return "Fallback " + (index + 1) + ": " + error.message();
        }
        return error.message();
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

    /** Every other stored model, as the fallback picker offers it (read once per view). */
    public List<FallbackCandidate> getFallbackCandidates() {
        if (candidates == null) {
            candidates = new ArrayList<>();
            int page = 0;
            Page<ModelView> found;
            do {
                found = registry.list(new ModelQuery(null, null, null, null, "id", false, page++, ModelQuery.MAX_SIZE));
                for (ModelView model : found.items()) {
                    candidates.add(new FallbackCandidate(
                            model.catalogId(),
                            model.catalogId() + " (" + model.type().apiName() + ", " + model.displayName() + ")"));
                }
            } while (found.items().size() == ModelQuery.MAX_SIZE);
        }
        String own = form == null ? null : form.getCatalogId();
        List<String> listed = form == null ? List.of() : form.getFallbacks();
        return candidates.stream()
                .filter(candidate -> !candidate.getId().equals(own) && !listed.contains(candidate.getId()))
                .toList();
    }

    /** Adds the model chosen in the picker at the end of the fallbacks. */
    public void addFallback() {
        if (fallbackChoice == null || fallbackChoice.isBlank()) {
            ConsoleMessages.fieldError(clientId("fallbackChoice"), "Choose a model to add first.");
            return;
        }
        form.addFallback(fallbackChoice);
        fallbackChoice = null;
    }

    public void removeFallback(String fallback) {
        form.removeFallback(fallback);
    }

    public void moveFallbackUp(String fallback) {
        form.moveFallback(fallback, -1);
    }

    public void moveFallbackDown(String fallback) {
        form.moveFallback(fallback, 1);
    }

    /** One model the fallback picker offers (a class: the container's EL reads getters, not record accessors). */
    public static final class FallbackCandidate implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String label;

        FallbackCandidate(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }
    }

    /** The page's heading and title: what is shown, and whether it can be changed here. */
    public String getHeading() {
        if (id == null || id.isBlank()) {
            return "New model";
        }
        return (signedIn.isAdmin() ? "Edit model " : "Model ") + id;
    }

    public String getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(String cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    /** The TTL as the details page says it. */
    public String getStoredCacheTtlText() {
        return storedCacheTtl == 0 ? "off: answers are not cached" : storedCacheTtl + " s";
    }

    public String getFallbackChoice() {
        return fallbackChoice;
    }

    public void setFallbackChoice(String fallbackChoice) {
        this.fallbackChoice = fallbackChoice;
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
