package io.llmadmin.services.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.ollama.ModelChoice;
import io.llmadmin.services.ollama.ModelChoice.Candidate;
import io.llmadmin.services.ollama.ModelSelection;
import io.llmadmin.services.ollama.NoSuitableModelException;
import io.llmadmin.services.ollama.SelectionCriteria;
import io.llmadmin.services.ollama.SizeCategory;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.usage.ModelUsage;
import io.llmadmin.services.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ranks the active catalog models that fit: sizes come from the Ollama servers the local models run on (a server that
 * does not answer leaves its models' sizes unknown), latency from the last {@link #LATENCY_WINDOW} of usage.
 */
@ApplicationScoped
public class DefaultModelSelection implements ModelSelection {

    static final Duration LATENCY_WINDOW = Duration.ofDays(7);

    private final ModelRegistry registry;
    private final UsageReports usage;
    private final OllamaClient client;

    @Inject
    public DefaultModelSelection(ModelRegistry registry, UsageReports usage, OllamaClient client) {
        this.registry = registry;
        this.usage = usage;
        this.client = client;
    }

    /** For the CDI proxy only. */
    protected DefaultModelSelection() {
        this(null, null, null);
    }

    @Override
    public ModelChoice select(SelectionCriteria criteria) {
        if (criteria.type() == null) {
            throw new InvalidChangeException("type", "is required");
        }
        if (criteria.minContextLength() < 0) {
            throw new InvalidChangeException("minContextLength", "must be >= 0");
        }
        List<ModelView> models = activeModels(criteria);
        Map<String, Long> sizes = sizesOf(models);
        Instant now = Instant.now();
        Map<String, Long> latency = usage.totalsPerModel(now.minus(LATENCY_WINDOW), now).stream()
                .filter(u -> u.calls() > 0)
                .collect(Collectors.toMap(ModelUsage::modelId, ModelUsage::averageLatencyMillis, (a, b) -> a));
        List<Candidate> fitting = new ArrayList<>();
        for (ModelView model : models) {
            Long size = sizes.get(model.catalogId());
            SizeCategory category = size == null ? null : SizeCategory.of(size);
            if (!fits(model, category, criteria)) {
                continue;
            }
            fitting.add(new Candidate(
                    model.catalogId(),
                    model.provider(),
                    model.contextLength(),
                    size,
                    category,
                    latency.get(model.catalogId())));
        }
        if (fitting.isEmpty()) {
            throw new NoSuitableModelException("No suitable model: no active model fits " + describe(criteria));
        }
        fitting.sort(RANKING);
        return new ModelChoice(fitting.get(0), fitting, explain(fitting, criteria));
    }

    /** Smallest known size first (unknown last), then lowest measured latency (unmeasured last), then id. */
    static final Comparator<Candidate> RANKING = Comparator.comparing(
                    Candidate::sizeBytes, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Candidate::averageLatencyMillis, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Candidate::catalogId);

    static boolean fits(ModelView model, SizeCategory category, SelectionCriteria criteria) {
        if (criteria.minContextLength() > 0 && model.contextLength() < criteria.minContextLength()) {
            return false;
        }
        if (Boolean.TRUE.equals(criteria.vision()) && !model.capabilities().vision()) {
            return false;
        }
        if (Boolean.TRUE.equals(criteria.tools()) && !model.capabilities().tools()) {
            return false;
        }
        return criteria.maxCategory() == null || (category != null && category.atMost(criteria.maxCategory()));
    }

    static String explain(List<Candidate> ranked, SelectionCriteria criteria) {
        Candidate first = ranked.get(0);
        StringBuilder why = new StringBuilder("Chose ")
                .append(first.catalogId())
                .append(" of ")
                .append(ranked.size())
                .append(" model(s) that fit ")
                .append(describe(criteria))
                .append(": ");
        if (first.sizeBytes() != null) {
            why.append("the smallest (")
                    .append(first.sizeBytes())
                    .append(" bytes, ")
                    .append(first.category().name().toLowerCase(java.util.Locale.ROOT))
                    .append(")");
        } else {
            why.append("no model that fits has a known size");
        }
        if (ranked.size() > 1 && first.averageLatencyMillis() != null) {
            why.append(", mean latency ").append(first.averageLatencyMillis()).append(" ms over the last 7 days");
        }
        return why.append('.').toString();
    }

    static String describe(SelectionCriteria c) {
        List<String> parts = new ArrayList<>();
        parts.add("type " + c.type().name().toLowerCase(java.util.Locale.ROOT));
        if (c.minContextLength() > 0) {
            parts.add("context >= " + c.minContextLength());
        }
        if (Boolean.TRUE.equals(c.vision())) {
            parts.add("vision");
        }
        if (Boolean.TRUE.equals(c.tools())) {
            parts.add("tools");
        }
        if (c.maxCategory() != null) {
            parts.add("size at most " + c.maxCategory().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (c.provider() != null) {
            parts.add("provider " + c.provider());
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private List<ModelView> activeModels(SelectionCriteria criteria) {
        String provider = criteria.provider() == null || criteria.provider().isBlank() ? null : criteria.provider();
        List<ModelView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = registry.list(
                    new ModelQuery(criteria.type(), provider, true, null, "id", false, page, ModelQuery.MAX_SIZE));
            all.addAll(result.items());
            if (page + 1 >= result.totalPages()) {
                return all;
            }
        }
    }

    /** The sizes of the Ollama models, one {@code /api/tags} per server; an unreachable server adds none. */
    private Map<String, Long> sizesOf(List<ModelView> models) {
        Map<String, List<ModelView>> byEndpoint = models.stream()
                .filter(m -> m.provider().equals("ollama"))
                .collect(Collectors.groupingBy(m -> OllamaEndpoints.ofApiBase(m.apiBase())));
        Map<String, Long> sizes = new HashMap<>();
        byEndpoint.forEach((endpoint, local) -> {
            JsonNode tags;
            try {
                tags = client.tags(endpoint);
            } catch (RuntimeException unreachable) {
                return;
            }
            for (ModelView model : local) {
                Optional<JsonNode> tag = DefaultOllamaModels.findTag(tags, model.providerModelName());
                tag.ifPresent(t -> sizes.put(model.catalogId(), t.path("size").asLong(0)));
            }
        });
        return sizes;
    }
}
