package io.llmadmin.web.console;

import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.modeltest.ModelTestResult;
import io.llmadmin.services.modeltest.ModelTests;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialSummary;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The model page's credential picker and its Test button, apart from the editor so that the form's own logic stays
 * about the registry: the picker lists every credential by provider, name and endpoint (the registry refuses one whose
 * endpoint is not the model's, with a message on the api base); Test sends one tiny real call through the stored
 * model's route and shows the outcome in our words.
 */
@Named("modelTools")
@ViewScoped
public class ModelTools implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ApiCredentials credentials;
    private final ModelTests tests;
    private final SignedInUser signedIn;

    @Inject
    public ModelTools(ApiCredentials credentials, ModelTests tests, SignedInUser signedIn) {
        this.credentials = credentials;
        this.tests = tests;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ModelTools() {
        this(null, null, null);
    }

    /** Every credential, for the picker (the choice "none" is the page's). */
    public List<SelectItem> getCredentials() {
        return credentials.list().stream().map(ModelTools::item).toList();
    }

    private static SelectItem item(CredentialSummary summary) {
        return new SelectItem(
                summary.id(),
                summary.displayName() + " (" + (summary.baseUrl() == null ? "not bound" : summary.baseUrl())
                        + (summary.enabled() ? "" : ", disabled") + ")");
    }

    /** A credential as the details page names it: its provider, name and endpoint. */
    public String credentialLabel(Long id) {
        if (id == null) {
            return "none: the provider's credential of this endpoint";
        }
        return credentials.list().stream()
                .filter(summary -> id.equals(summary.id()))
                .findFirst()
                .map(summary -> item(summary).getLabel())
                .orElse("credential " + id + " (deleted)");
    }

    /** Tests the stored model; the outcome is a message on the form. */
    public void test(String catalogId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!signedIn.isAdmin()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only admins may test models.", null));
            return;
        }
        try {
            ModelTestResult result = tests.test(signedIn.getName(), catalogId);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            result.ok() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                            "Test: " + result.message(),
                            null));
        } catch (UnknownEntityException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }
}
