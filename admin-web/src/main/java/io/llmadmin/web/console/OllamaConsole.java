package io.llmadmin.web.console;

import io.llmadmin.domain.ollama.PullStatus;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.ollama.LocalModel;
import io.llmadmin.services.ollama.OllamaFailureException;
import io.llmadmin.services.ollama.OllamaModels;
import io.llmadmin.services.ollama.OllamaUnreachableException;
import io.llmadmin.services.ollama.PullJobView;
import io.llmadmin.services.ollama.SizeCategory;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.primefaces.PrimeFaces;

/**
 * The local models page ({@code /console/admin/ollama.xhtml}, admins only): the models installed at an Ollama
 * endpoint with their size category and catalog registration, pulls with a live progress bar, removal and one-click
 * registration. The pulls shown are read from the database at every poll, so every admin sees the same progress, and
 * a reload shows it where it is; when a pull this page saw running succeeds, the model list is read again.
 */
@Named("ollama")
@ViewScoped
public class OllamaConsole implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PULLS_SHOWN = 10;

    private final OllamaModels ollama;
    private final SignedInUser signedIn;

    private String endpoint;
    private String category;
    private String pullName;
    private String expectedDigest;
    private List<ModelRow> models = List.of();
    private List<PullRow> pulls;
    private final Set<String> runningSeen = new HashSet<>();

    @Inject
    public OllamaConsole(OllamaModels ollama, SignedInUser signedIn) {
        this.ollama = ollama;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected OllamaConsole() {
        this(null, null);
    }

    /** On the page's first load (after the view parameters): the endpoint's models. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (endpoint == null || endpoint.isBlank()) {
            List<String> known = ollama.endpoints();
            endpoint = known.isEmpty() ? null : known.get(0);
        }
        reloadModels();
    }

    /** The "Show" button and the category filter. */
    public void show() {
        reloadModels();
    }

    public List<String> getEndpoints() {
        return ollama.endpoints();
    }

    void reloadModels() {
        try {
            SizeCategory wanted = category == null || category.isBlank()
                    ? null
                    : SizeCategory.valueOf(category.toUpperCase(Locale.ROOT));
            models = ollama.list(endpoint, wanted).stream().map(ModelRow::new).toList();
        } catch (InvalidChangeException e) {
            models = List.of();
            error(e.getMessage());
        } catch (OllamaUnreachableException | OllamaFailureException e) {
            models = List.of();
            error(e.getMessage());
        }
    }

    /** The recent pulls, read once per request. */
    public List<PullRow> getPulls() {
        if (pulls == null) {
            pulls = ollama.recentPulls(PULLS_SHOWN).stream().map(PullRow::new).toList();
        }
        return pulls;
    }

    /** Each poll: the pulls again; the models too when a pull this page saw running has succeeded since. */
    public void poll() {
        pulls = null;
        boolean reload = false;
        for (PullRow row : getPulls()) {
            if (row.job.status() == PullStatus.RUNNING) {
                runningSeen.add(row.job.id());
            } else if (runningSeen.remove(row.job.id()) && row.job.status() == PullStatus.SUCCEEDED) {
                reload = true;
            }
        }
        if (reload) {
            reloadModels();
            PrimeFaces.current().ajax().update("modelsForm:models");
        }
    }

    public void pull() {
        if (!requireAdmin()) {
            return;
        }
        try {
            PullJobView job = ollama.startPull(signedIn.getName(), endpoint, pullName, expectedDigest);
            runningSeen.add(job.id());
            info("Pulling " + job.model() + " into " + job.endpoint() + ".");
            pullName = null;
            expectedDigest = null;
            pulls = null;
        } catch (InvalidChangeException | ConflictingChangeException e) {
            error(e.getMessage());
        }
    }

    public void cancel(String jobId) {
        if (!requireAdmin()) {
            return;
        }
        try {
            ollama.cancelPull(signedIn.getName(), jobId);
            info("Cancelling the pull.");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            error(e.getMessage());
        }
        pulls = null;
    }

    /** Removes a model; the page asked for confirmation first (naming the catalog models that use it). */
    public void remove(String name) {
        if (!requireAdmin()) {
            return;
        }
        try {
            ollama.remove(signedIn.getName(), endpoint, name, true);
            info("Removed " + name + ".");
        } catch (RuntimeException e) {
            error(e.getMessage());
        }
        reloadModels();
    }

    public void register(String name) {
        if (!requireAdmin()) {
            return;
        }
        try {
            String id = ollama.register(signedIn.getName(), endpoint, name, null);
            info("Registered " + name + " as " + id + ".");
        } catch (RuntimeException e) {
            error(e.getMessage());
        }
        reloadModels();
    }

    private boolean requireAdmin() {
        if (!signedIn.isAdmin()) {
            error("Only admins can change local models.");
            return false;
        }
        return true;
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Bytes for people: {@code 2.0 GB}, {@code 512.0 MB} (decimal units, as Ollama shows them). */
    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return n + " B";
    }

    public List<ModelRow> getModels() {
        return models;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getPullName() {
        return pullName;
    }

    public void setPullName(String pullName) {
        this.pullName = pullName;
    }

    public String getExpectedDigest() {
        return expectedDigest;
    }

    public void setExpectedDigest(String expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /** One installed model as the table shows it. */
    public static final class ModelRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LocalModel model;

        ModelRow(LocalModel model) {
            this.model = model;
        }

        public String getName() {
            return model.name();
        }

        public String getSize() {
            return bytes(model.sizeBytes());
        }

        public String getCategory() {
            return model.category().name().toLowerCase(Locale.ROOT);
        }

        public String getParameterSize() {
            return model.parameterSize();
        }

        public String getQuantization() {
            return model.quantization();
        }

        public int getContextLength() {
            return model.contextLength();
        }

        public String getFamily() {
            return model.family();
        }

        public boolean isRegistered() {
            return model.registered();
        }

        public String getRegisteredAs() {
            return String.join(", ", model.registeredAs());
        }

        /** What the removal's confirmation says. */
        public String getRemovalWarning() {
            return model.registered()
                    ? "Catalog model(s) " + getRegisteredAs() + " use " + model.name()
                            + ": they will fail until it is pulled again. Remove it anyway?"
                    : "Remove " + model.name() + " from the Ollama server?";
        }

        /** A CSS class naming the row, for tests and styling. */
        public String getRowClass() {
            return "local-model model-" + model.name().replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    /** One pull as the progress list shows it. */
    public static final class PullRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PullJobView job;

        PullRow(PullJobView job) {
            this.job = job;
        }

        public String getId() {
            return job.id();
        }

        public String getModel() {
            return job.model();
        }

        public String getEndpoint() {
            return job.endpoint();
        }

        public String getStatus() {
            return job.status().name().toLowerCase(Locale.ROOT);
        }

        public boolean isRunning() {
            return job.status() == PullStatus.RUNNING;
        }

        public int getPercent() {
            return job.percent();
        }

        public String getBytes() {
            return bytes(job.completedBytes()) + " / " + (job.totalBytes() > 0 ? bytes(job.totalBytes()) : "?");
        }

        public String getStatusText() {
            return job.statusText();
        }

        public String getError() {
            return job.errorMessage();
        }

        public String getRequestedBy() {
            return job.requestedBy();
        }

        public String getSeverity() {
            return switch (job.status()) {
                case RUNNING -> "info";
                case SUCCEEDED -> "success";
                case CANCELLED -> "warning";
                case FAILED -> "danger";
            };
        }
    }
}
