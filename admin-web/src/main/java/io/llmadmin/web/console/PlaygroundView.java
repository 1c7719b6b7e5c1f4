package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.routing.ModelRoutes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The playground page ({@code /console/playground.xhtml}): the active models to try, each with the per-minute limits
 * its calls are admitted against and the parameter ranges its registry entry accepts (the page checks a temperature
 * or max tokens against them before it sends anything; the gateway checks them again). The page itself calls the gateway from the browser (console.js's playground part):
 * with a pasted gateway key on {@code /openai/v1}, or as the signed-in admin on {@code /console/api/playground}, which
 * runs the gateway's own resources; nothing here calls a model.
 */
@Named("playgroundView")
@RequestScoped
public class PlaygroundView {

    private final ModelCatalog catalog;
    private final ModelRegistry registry;
    private final ModelRoutes routes;

    private String model;

    @Inject
    public PlaygroundView(ModelCatalog catalog, ModelRegistry registry, ModelRoutes routes) {
        this.catalog = catalog;
        this.registry = registry;
        this.routes = routes;
    }

    /** For the CDI proxy only. */
    protected PlaygroundView() {
        this(null, null, null);
    }

    /** The active chat models, then the routes (whose calls go to one of their targets, each with its own limits). */
    public List<PlaygroundModel> getChatModels() {
        return java.util.stream.Stream.concat(
                        modelsOf(ModelType.CHAT).stream(),
                        routes.callable().stream()
                                .map(route -> new PlaygroundModel(
                                        route.id(),
                                        route.name(),
                                        route.description() + " (each target's limits)",
                                        Ranges.EACH_TARGETS)))
                .toList();
    }

    public List<PlaygroundModel> getEmbeddingModels() {
        return modelsOf(ModelType.EMBEDDING);
    }

    /** The model chosen by the {@code model} query parameter (a link from another page), or null. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    private List<PlaygroundModel> modelsOf(ModelType type) {
        return catalog.activeModels(type).stream().map(this::withLimits).toList();
    }

    private PlaygroundModel withLimits(CatalogEntry entry) {
        return registry.find(entry.id())
                .map(view -> new PlaygroundModel(entry.id(), entry.name(), describe(view), Ranges.of(view)))
                .orElseGet(() -> new PlaygroundModel(
                        entry.id(),
                        entry.name(),
                        "requests=none, input-tokens=none, output-tokens=none",
                        Ranges.EACH_TARGETS));
    }

    private static String describe(ModelView view) {
        return "requests=" + perMinute(view.limitRequestsPerMinute())
                + ", input-tokens=" + perMinute(view.limitInputTokensPerMinute())
                + ", output-tokens=" + perMinute(view.limitOutputTokensPerMinute());
    }

    private static String perMinute(int limit) {
        return limit <= 0 ? "none" : limit + "/min";
    }

    /**
     * What a call's temperature and max tokens may be, as the registry's check of a call reads the model's entry
     * ({@code ChatCallChecks}): temperature between the two bounds, max tokens from 1 up to the smaller of the model's
     * largest max_tokens and its context length (0: no bound). A route's calls are checked by each target, so the page
     * only knows the widest range.
     */
    record Ranges(double temperatureMin, double temperatureMax, int maxTokens) {

        static final Ranges EACH_TARGETS = new Ranges(0, 2, 0);

        static Ranges of(ModelView view) {
            int most = view.parameterRanges().maxOutputTokens();
            int context = view.contextLength();
            int maxTokens = most > 0 && context > 0 ? Math.min(most, context) : Math.max(most, context);
            return new Ranges(
                    view.parameterRanges().temperatureMin(),
                    view.parameterRanges().temperatureMax(),
                    maxTokens);
        }
    }

    /**
     * A model offered on the page.
     *
     * @param id its catalog id, what the call names
     * @param name its display name
     * @param limits its per-minute limits as the page shows them
     * @param ranges the temperature and max tokens its calls may ask for
     */
    public record PlaygroundModel(String id, String name, String limits, Ranges ranges) {

        // Jakarta EL 5 (EE 10) reads bean getters only, not record accessors.
        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getLimits() {
            return limits;
        }

        /** The lowest temperature, as the page's script reads it (a plain decimal number). */
        public String getTemperatureMin() {
            return decimal(ranges.temperatureMin());
        }

        public String getTemperatureMax() {
            return decimal(ranges.temperatureMax());
        }

        /** The largest max tokens, 0 for no bound. */
        public int getMaxTokens() {
            return ranges.maxTokens();
        }

        private static String decimal(double value) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
