package io.llmadmin.services.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.ollama.LocalModel;
import io.llmadmin.services.ollama.OllamaModels;
import io.llmadmin.services.ollama.PullJobView;
import io.llmadmin.services.ollama.SizeCategory;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.vault.ApiCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link OllamaModels} over Ollama's REST API, the model registry and the pull jobs in the database. */
@ApplicationScoped
public class DefaultOllamaModels implements OllamaModels {

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}";

    private final OllamaClient client;
    private final PullJobStore jobs;
    private final ModelRegistry registry;
    private final OllamaAuditTrail audit;
    private final Executor executor;
    private final Set<String> configured;
    private final FreeSpace freeSpace;
    private final ApiCredentials credentials;

    @Inject
    public DefaultOllamaModels(
            OllamaClient client,
            PullJobStore jobs,
            ModelRegistry registry,
            OllamaAuditTrail audit,
            @ContainerExecutor Executor executor,
            @ConfigProperty(name = "OLLAMA_ENDPOINTS", defaultValue = " ") String configuredEndpoints,
            ApiCredentials credentials,
            @ConfigProperty(name = "OLLAMA_FREE_SPACE_BYTES", defaultValue = "0") long freeSpaceBytes,
            @ConfigProperty(name = "OLLAMA_MODELS_DIR", defaultValue = " ") String modelsDirectory) {
        this.client = client;
        this.jobs = jobs;
        this.registry = registry;
        this.audit = audit;
        this.executor = executor;
        this.configured = OllamaEndpoints.configured(configuredEndpoints);
        this.credentials = credentials;
        this.freeSpace = new FreeSpace(freeSpaceBytes, modelsDirectory);
    }

    /** For the CDI proxy only. */
    protected DefaultOllamaModels() {
        this.client = null;
        this.jobs = null;
        this.registry = null;
        this.audit = null;
        this.executor = null;
        this.configured = Set.of();
        this.credentials = null;
        this.freeSpace = null;
    }

    @Override
    public List<String> endpoints() {
        Set<String> all = new TreeSet<>(configured);
        all.add(OllamaEndpoints.DEFAULT);
        catalogOllamaModels().forEach(model -> all.add(OllamaEndpoints.ofApiBase(model.apiBase())));
        // An Ollama credential names a server the admin chose to trust (a remote Ollama behind a key).
        credentials.list().stream()
                .filter(credential -> "ollama".equals(credential.provider()) && credential.enabled())
                .filter(credential ->
                        credential.baseUrl() != null && !credential.baseUrl().isBlank())
                .forEach(credential ->
                        OllamaEndpoints.ofCredential(credential.baseUrl()).ifPresent(all::add));
        return List.copyOf(all);
    }

    @Override
    public List<LocalModel> list(String endpoint, SizeCategory category) {
        String base = allowedEndpoint(endpoint);
        List<ModelView> catalog = catalogOllamaModels();
        List<LocalModel> models = new ArrayList<>();
        for (JsonNode tag : client.tags(base).path("models")) {
            long size = tag.path("size").asLong(0);
            if (category != null && SizeCategory.of(size) != category) {
                continue;
            }
            String name = tag.path("name").asText(tag.path("model").asText(""));
            JsonNode show;
            try {
                show = client.show(base, name);
            } catch (UnknownEntityException removedMeanwhile) {
                continue;
            }
            models.add(describe(base, tag, show, catalog));
        }
        models.sort(Comparator.comparingLong(LocalModel::sizeBytes).thenComparing(LocalModel::name));
        return models;
    }

    @Override
    public LocalModel find(String endpoint, String name) {
        String base = allowedEndpoint(endpoint);
        String model = checkedName(name);
        JsonNode tag = findTag(client.tags(base), model)
                .orElseThrow(() -> new UnknownEntityException("Ollama at " + base + " has no model '" + model + "'"));
        return describe(base, tag, client.show(base, model), catalogOllamaModels());
    }

    @Override
    public PullJobView startPull(String actor, String endpoint, String name, String expectedDigest) {
        String base = allowedEndpoint(endpoint);
        String model = checkedName(name);
        if (expectedDigest != null
                && !expectedDigest.isBlank()
                && !expectedDigest.trim().matches("(sha256:)?[0-9a-fA-F]{64}")) {
            throw new InvalidChangeException(
                    "expectedDigest", "must be a SHA-256 digest (64 hex digits, sha256: optional)");
        }
        String digest = expectedDigest == null || expectedDigest.isBlank() ? null : expectedDigest.trim();
        FreeSpace.Budget budget = freeSpace.budget(base, jobs.running(base));
        if (budget.exhausted()) {
            throw new ConflictingChangeException("No room to pull '" + model + "' into " + base + ": "
                    + budget.describe() + ". Remove a model or wait for the running pulls first.");
        }
        PullJobView job = jobs.create(actor, base, model, digest);
        PullRunner runner = new PullRunner(client, jobs, budget);
        executor.execute(() -> runner.run(job.id(), base, model, digest));
        return job;
    }

    @Override
    public Optional<PullJobView> pull(String jobId) {
        return jobs.find(jobId);
    }

    @Override
    public List<PullJobView> recentPulls(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public PullJobView cancelPull(String actor, String jobId) {
        return jobs.requestCancel(actor, jobId);
    }

    @Override
    public void remove(String actor, String endpoint, String name, boolean confirmed) {
        String base = allowedEndpoint(endpoint);
        String model = checkedName(name);
        List<String> users = registeredAs(base, model, catalogOllamaModels());
        if (!users.isEmpty() && !confirmed) {
            throw new ConflictingChangeException("Model '" + model + "' on " + base + " is used by catalog model(s) "
                    + String.join(", ", users) + "; confirm to remove it anyway");
        }
        client.delete(base, model);
        audit.record(
                actor,
                "REMOVE",
                base,
                model,
                "{\"endpoint\":" + PullJobStore.quote(base) + ",\"model\":" + PullJobStore.quote(model) + ",\"usedBy\":"
                        + PullJobStore.quote(String.join(",", users)) + "}");
    }

    @Override
    public String register(String actor, String endpoint, String name, String catalogId) {
        LocalModel local = find(endpoint, name);
        String id = catalogId == null || catalogId.isBlank() ? catalogIdOf(local.name()) : catalogId.trim();
        ModelType type = local.embedding() ? ModelType.EMBEDDING : ModelType.CHAT;
        ModelCapabilities capabilities = new ModelCapabilities(
                type == ModelType.CHAT,
                local.vision(),
                local.tools(),
                type == ModelType.CHAT,
                local.capabilities().contains("thinking"));
        ParameterRanges ranges = ParameterRanges.DEFAULT;
        ModelDraft draft = new ModelDraft(
                id,
                type,
                "ollama",
                local.family(),
                local.name(),
                local.name() + " (local)",
                "Local model on " + local.endpoint()
                        + (local.parameterSize() == null ? "" : ", " + local.parameterSize())
                        + (local.quantization() == null ? "" : " " + local.quantization()),
                ModelDraft.DEFAULT_SORT_ORDER,
                local.endpoint(),
                Math.max(0, local.contextLength()),
                0,
                0,
                0,
                null,
                true,
                List.of(),
                capabilities,
                ranges.temperatureMin(),
                ranges.temperatureMax(),
                ranges.topPMin(),
                ranges.topPMax(),
                0,
                null);
        String created = registry.create(actor, draft).catalogId();
        audit.record(
                actor,
                "REGISTER",
                local.endpoint(),
                local.name(),
                "{\"catalogId\":" + PullJobStore.quote(created)
                        + ",\"type\":\"" + type.name() + "\",\"contextLength\":" + local.contextLength()
                        + ",\"vision\":"
                        + local.vision() + "}");
        return created;
    }

    /** {@code llama3.2:3b} → {@code ollama-llama3.2-3b}; a tag of {@code latest} is left out. */
    static String catalogIdOf(String name) {
        String base = name.endsWith(":latest") ? name.substring(0, name.length() - ":latest".length()) : name;
        String slug = ("ollama-" + base.toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("-+$", "");
        return slug.length() <= 100 ? slug : slug.substring(0, 100);
    }

    /** The {@code /api/tags} entry of a model, matching {@code llama3.2} to {@code llama3.2:latest}. */
    static Optional<JsonNode> findTag(JsonNode tags, String model) {
        String wanted = withTag(model);
        return StreamSupport.stream(tags.path("models").spliterator(), false)
                .filter(tag -> withTag(tag.path("name").asText(tag.path("model").asText("")))
                        .equals(wanted))
                .findFirst();
    }

    static String withTag(String model) {
        String lastPart = model.substring(model.lastIndexOf('/') + 1);
        return lastPart.contains(":") ? model : model + ":latest";
    }

    private LocalModel describe(String endpoint, JsonNode tag, JsonNode show, List<ModelView> catalog) {
        String name = tag.path("name").asText(tag.path("model").asText(""));
        JsonNode details = tag.path("details");
        long size = tag.path("size").asLong(0);
        List<String> capabilities = new ArrayList<>();
        show.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        return new LocalModel(
                endpoint,
                name,
                size,
                SizeCategory.of(size),
                text(details, "parameter_size"),
                text(details, "quantization_level"),
                contextLength(show),
                text(details, "family"),
                text(tag, "digest"),
                capabilities,
                registeredAs(endpoint, name, catalog));
    }

    /** The context window from {@code model_info}'s {@code <architecture>.context_length}. */
    static int contextLength(JsonNode show) {
        JsonNode info = show.path("model_info");
        var fields = info.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().endsWith(".context_length") && field.getValue().canConvertToInt()) {
                return field.getValue().asInt();
            }
        }
        return 0;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static List<String> registeredAs(String endpoint, String name, List<ModelView> catalog) {
        String wanted = withTag(name);
        return catalog.stream()
                .filter(model -> OllamaEndpoints.ofApiBase(model.apiBase()).equals(endpoint))
                .filter(model -> withTag(model.providerModelName()).equals(wanted))
                .map(ModelView::catalogId)
                .sorted()
                .toList();
    }

    /** Every catalog model routed to Ollama, active or not. */
    List<ModelView> catalogOllamaModels() {
        List<ModelView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result =
                    registry.list(new ModelQuery(null, "ollama", null, null, "id", false, page, ModelQuery.MAX_SIZE));
            all.addAll(result.items());
            if (page + 1 >= result.totalPages()) {
                return all;
            }
        }
    }

    private String allowedEndpoint(String endpoint) {
        String base = OllamaEndpoints.normalize("endpoint", endpoint);
        if (!OllamaEndpoints.allowed(base, endpoints())) {
            throw new InvalidChangeException(
                    "endpoint",
                    "'" + base + "' is not an Ollama endpoint in use, configured"
                            + " (OLLAMA_ENDPOINTS) or on a loopback address");
        }
        return base;
    }

    private static String checkedName(String name) {
        if (name == null || !name.trim().matches(NAME_PATTERN) || name.contains("..")) {
            throw new InvalidChangeException("model", "must be an Ollama model name such as llama3.2:3b");
        }
        return name.trim();
    }
}
