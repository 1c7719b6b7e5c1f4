package io.llmadmin.web.console;

import io.llmadmin.domain.model.Providers;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.vault.ApiCredentials;
import io.llmadmin.services.vault.CredentialCheck;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.MasterKeyRotation;
import io.llmadmin.services.vault.NewCredential;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The credentials page ({@code /console/credentials.xhtml}): admins and viewers see every credential (endpoint, last
 * four characters of each secret, the models using it); admins create, add or replace a secret, test, enable,
 * disable, delete and rotate the master key. Secrets are typed into password inputs and never rendered back: the
 * inputs are emptied after every action. Everything goes through {@link ApiCredentials}, which validates and audits.
 */
@Named("credentialsView")
@ViewScoped
public class CredentialsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "credentialsForm";

    /** The service's field names and the ids of the inputs that edit them. */
    private static final Map<String, String> COMPONENT_OF_FIELD =
            Map.of("name", "name", "provider", "provider", "baseUrl", "baseUrl", "secrets", "secret");

    private final ApiCredentials credentials;
    private final SignedInUser signedIn;

    private String name;
    private String provider;
    private String baseUrl;
    private String secret;
    private String rowSecret;

    @Inject
    public CredentialsView(ApiCredentials credentials, SignedInUser signedIn) {
        this.credentials = credentials;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected CredentialsView() {
        this(null, null);
    }

    public List<CredentialRow> getRows() {
        return credentials.list().stream()
                .map(summary -> new CredentialRow(summary, credentials.modelsUsing(summary.id())))
                .toList();
    }

    public List<String> getProviders() {
        return Providers.KNOWN;
    }

    public void create() {
        if (!admin()) {
            return;
        }
        try {
            CredentialSummary created = credentials.create(
                    signedIn.getName(),
                    new NewCredential(provider, name, baseUrl, secret == null ? List.of() : List.of(secret)));
            info("Created " + created.displayName() + ".");
            name = null;
            baseUrl = null;
        } catch (InvalidChangeException e) {
            for (FieldError error : e.fieldErrors()) {
                String field = error.field().startsWith("secrets") ? "secrets" : error.field();
                String component = COMPONENT_OF_FIELD.get(field);
                message(
                        component == null ? null : FORM + ":" + component,
                        FacesMessage.SEVERITY_ERROR,
                        error.message());
            }
            FacesContext.getCurrentInstance().validationFailed();
        } catch (ConflictingChangeException e) {
            message(FORM + ":name", FacesMessage.SEVERITY_ERROR, e.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        } finally {
            secret = null;
        }
    }

    public void addSecret(long id) {
        secretAction(() -> credentials.addSecret(signedIn.getName(), id, rowSecret), "Added a secret to ");
    }

    public void replaceSecrets(long id) {
        secretAction(() -> credentials.replaceSecrets(signedIn.getName(), id, rowSecret), "Replaced the secrets of ");
    }

    private void secretAction(Supplier<CredentialSummary> action, String done) {
        if (!admin()) {
            return;
        }
        try {
            info(done + action.get().displayName() + ".");
        } catch (InvalidChangeException e) {
            error("The secret " + e.fieldErrors().get(0).message() + ".");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            error(e.getMessage());
        } finally {
            rowSecret = null;
        }
    }

    public void test(long id) {
        try {
            CredentialCheck check = credentials.test(id);
            message(null, check.ok() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, check.message());
        } catch (UnknownEntityException e) {
            error(e.getMessage());
        }
    }

    public void enable(long id) {
        change(() -> credentials.enable(signedIn.getName(), id), "Enabled ");
    }

    public void disable(long id) {
        change(() -> credentials.disable(signedIn.getName(), id), "Disabled ");
    }

    private void change(Supplier<CredentialSummary> action, String done) {
        if (!admin()) {
            return;
        }
        try {
            info(done + action.get().displayName() + ".");
        } catch (UnknownEntityException e) {
            error(e.getMessage());
        }
    }

    public void delete(long id) {
        if (!admin()) {
            return;
        }
        try {
            credentials.delete(signedIn.getName(), id);
            info("Deleted credential " + id + ".");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            error(e.getMessage());
        }
    }

    public void rotateMasterKey() {
        if (!admin()) {
            return;
        }
        MasterKeyRotation rotation = credentials.rotateMasterKey(signedIn.getName());
        info("Master key rotated to " + rotation.currentKeyId() + "; " + rotation.reencrypted()
                + " credential(s) re-encrypted.");
    }

    private boolean admin() {
        if (!signedIn.isAdmin()) {
            error("Only admins may change credentials.");
            return false;
        }
        return true;
    }

    private static void info(String text) {
        message(null, FacesMessage.SEVERITY_INFO, text);
    }

    private static void error(String text) {
        message(null, FacesMessage.SEVERITY_ERROR, text);
    }

    private static void message(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Write-only: the page never shows a secret back. */
    public String getSecret() {
        return null;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    /** Write-only, like {@link #getSecret()}. */
    public String getRowSecret() {
        return null;
    }

    public void setRowSecret(String rowSecret) {
        if (rowSecret != null && !rowSecret.isBlank()) {
            this.rowSecret = rowSecret;
        }
    }

    /** One credential as the table shows it. */
    public static final class CredentialRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String provider;
        private final String baseUrl;
        private final String secrets;
        private final boolean enabled;
        private final String usedBy;

        CredentialRow(CredentialSummary summary, List<String> usedBy) {
            this.id = summary.id();
            this.name = summary.label();
            this.provider = summary.provider();
            this.baseUrl = summary.baseUrl() == null ? "not bound" : summary.baseUrl();
            this.secrets = String.join(
                    " ", summary.lastFours().stream().map(last -> "****" + last).toList());
            this.enabled = summary.enabled();
            this.usedBy = String.join(", ", usedBy);
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getProvider() {
            return provider;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public String getSecrets() {
            return secrets;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public String getUsedBy() {
            return usedBy;
        }
    }
}
