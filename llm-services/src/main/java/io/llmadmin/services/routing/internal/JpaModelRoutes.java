package io.llmadmin.services.routing.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.routing.ModelRoute;
import io.llmadmin.domain.routing.RouteTarget;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.RouteTargetView;
import io.llmadmin.services.routing.RouteView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Routes in {@code model_route}. Calls pick their target from a snapshot at most {@link #SNAPSHOT_AGE} old; a change
 * here drops it at once, and so does another instance's through Redis ({@link RoutingRefresh}); the age only bounds a
 * notice lost while Redis was out of reach.
 */
@ApplicationScoped
public class JpaModelRoutes extends SnapshotTable<Map<String, RouteView>> implements ModelRoutes {

    private final ModelCatalog catalog;

    @Inject
    public JpaModelRoutes(
            EntityManager entityManager,
            ModelRegistry registry,
            ModelCatalog catalog,
            AuditLog auditLog,
            Event<RoutingChanged> changed) {
        super(entityManager, registry, auditLog, changed, "ModelRoute");
        this.catalog = catalog;
    }

    /** For the CDI proxy only. */
    protected JpaModelRoutes() {
        this.catalog = null;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RouteView> all() {
        return rows();
    }

    @Override
    protected Map<String, RouteView> load() {
        return rows().stream().collect(Collectors.toUnmodifiableMap(RouteView::id, Function.identity()));
    }

    private List<RouteView> rows() {
        return entityManager
                .createQuery("SELECT r FROM ModelRoute r ORDER BY r.id", ModelRoute.class)
                .getResultList()
                .stream()
                .map(JpaModelRoutes::view)
                .toList();
    }

    @Override
    public List<CatalogEntry> callable() {
        return snapshot().values().stream()
                .filter(route -> catalog.activeModel(route.id()).isEmpty())
                .sorted(java.util.Comparator.comparing(RouteView::id))
                .map(RouteView::catalogEntry)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RouteView> find(String id) {
        return Optional.ofNullable(id == null ? null : entityManager.find(ModelRoute.class, id))
                .map(JpaModelRoutes::view);
    }

    @Override
    @Transactional
    public RouteView save(String actor, String id, boolean sticky, List<RouteTargetView> targets) {
        List<RouteTarget> checked = checked(id, targets);
        ModelRoute route = entityManager.find(ModelRoute.class, id);
        String before = route == null ? null : json(view(route));
        if (route == null) {
            route = new ModelRoute(id, sticky, checked);
            entityManager.persist(route);
        } else {
            route.change(sticky, checked);
        }
        entityManager.flush();
        RouteView saved = view(route);
        changed(actor, before == null ? "CREATE" : "UPDATE", id, before, json(saved));
        return saved;
    }

    @Override
    @Transactional
    public boolean delete(String actor, String id) {
        ModelRoute route = id == null ? null : entityManager.find(ModelRoute.class, id);
        if (route == null) {
            return false;
        }
        String before = json(view(route));
        entityManager.remove(route);
        entityManager.flush();
        changed(actor, "DELETE", id, before, null);
        return true;
    }

    @Override
    public Optional<String> pick(String id, String callerKey) {
        RouteView route = id == null ? null : snapshot().get(id);
        if (route == null) {
            return Optional.empty();
        }
        List<RouteTargetView> live =
                route.targets().stream().filter(target -> target.weight() > 0).toList();
        return Optional.of(
                route.sticky() && callerKey != null && !callerKey.isBlank()
                        ? WeightedChoice.sticky(route.id(), callerKey, live)
                        : WeightedChoice.random(live));
    }

    @Override
    public Optional<String> resolve(String modelOrRoute, String callerKey) {
        if (modelOrRoute == null || catalog.activeModel(modelOrRoute).isPresent()) {
            return Optional.empty();
        }
        return pick(modelOrRoute, callerKey);
    }

    /** Every error of the route at once, as the console and API show field errors. */
    private List<RouteTarget> checked(String id, List<RouteTargetView> targets) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || id.isBlank() || id.length() > ModelRoute.MAX_ID_LENGTH || !id.equals(id.strip())) {
            errors.add(
                    new FieldError("id", "must be 1 to " + ModelRoute.MAX_ID_LENGTH + " characters, no outer spaces"));
        } else if (registry.find(id).isPresent()) {
            errors.add(new FieldError("id", "is a model's catalog id; a route needs an id of its own"));
        }
        List<RouteTargetView> given = targets == null ? List.of() : targets;
        if (given.isEmpty() || given.size() > ModelRoute.MAX_TARGETS) {
            errors.add(new FieldError("targets", "must hold 1 to " + ModelRoute.MAX_TARGETS + " targets"));
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (int i = 0; i < given.size(); i++) {
            RouteTargetView target = given.get(i);
            String field = "targets[" + i + "]";
            if (target == null || target.model() == null || target.model().isBlank()) {
                errors.add(new FieldError(field + ".model", "must name a chat model"));
                continue;
            }
            if (!seen.add(target.model())) {
                errors.add(new FieldError(field + ".model", "names '" + target.model() + "' a second time"));
            }
            Optional<ModelView> model = registry.find(target.model());
            if (model.isEmpty() || model.get().type() != ModelType.CHAT) {
                errors.add(new FieldError(field + ".model", "'" + target.model() + "' is not a chat model"));
            }
            if (target.weight() < 0 || target.weight() > ModelRoute.MAX_WEIGHT) {
                errors.add(new FieldError(field + ".weight", "must be 0 to " + ModelRoute.MAX_WEIGHT));
            } else {
                total += target.weight();
            }
        }
        if (!given.isEmpty() && total == 0) {
            errors.add(new FieldError("targets", "at least one target needs a weight above 0"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        return given.stream()
                .map(target -> new RouteTarget(target.model(), target.weight()))
                .toList();
    }

    private static RouteView view(ModelRoute route) {
        return new RouteView(
                route.id(),
                route.sticky(),
                route.targets().stream()
                        .map(target -> new RouteTargetView(target.modelId(), target.weight()))
                        .toList(),
                route.version());
    }

    private static String json(RouteView route) {
        JsonArrayBuilder targets = JSON.createArrayBuilder();
        route.targets()
                .forEach(target -> targets.add(
                        JSON.createObjectBuilder().add("model", target.model()).add("weight", target.weight())));
        return JSON.createObjectBuilder()
                .add("id", route.id())
                .add("sticky", route.sticky())
                .add("targets", targets)
                .build()
                .toString();
    }
}
