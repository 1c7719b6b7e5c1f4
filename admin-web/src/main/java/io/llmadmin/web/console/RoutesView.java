package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.routing.ModelRoutes;
import io.llmadmin.services.routing.RouteTargetView;
import io.llmadmin.services.routing.RouteView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The routes part of the routes page ({@code /console/routes.xhtml}): every weighted route (an id clients call, split
 * between chat models by weight, optionally sticky per caller) with its targets and shares; admins create one, edit its
 * targets, weights and sticky flag, and delete it (after a confirmation). Viewers see the list.
 */
@Named("routes")
@ViewScoped
public class RoutesView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ADMINS_ONLY = "Only admins may change routes.";

    private final ModelRoutes modelRoutes;
    private final ModelRegistry registry;
    private final SignedInUser signedIn;

    private transient List<RouteView> rows;
    private transient List<String> chatModels;

    private boolean editorOpen;
    private boolean editing;
    private String id;
    private boolean sticky;
    private List<Target> targets = new ArrayList<>();

    @Inject
    public RoutesView(ModelRoutes modelRoutes, ModelRegistry registry, SignedInUser signedIn) {
        this.modelRoutes = modelRoutes;
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected RoutesView() {
        this(null, null, null);
    }

    /** One target row of the form; a plain bean, as the form's inputs write into it. */
    public static final class Target implements Serializable {

        private static final long serialVersionUID = 1L;

        private String model;
        private Integer weight;

        Target(String model, Integer weight) {
            this.model = model;
            this.weight = weight;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public Integer getWeight() {
            return weight;
        }

        public void setWeight(Integer weight) {
            this.weight = weight;
        }
    }

    public List<RouteView> getRows() {
        if (rows == null) {
            rows = modelRoutes.all();
        }
        return rows;
    }

    /** "gpt-4o 90 % (weight 9), gpt-4o-mini 10 % (weight 1)": each target's share of the calls. */
    public String shares(RouteView route) {
        int total = route.targets().stream().mapToInt(RouteTargetView::weight).sum();
        return route.targets().stream()
                .map(target -> target.model() + " " + (total == 0 ? 0 : Math.round(100.0 * target.weight() / total))
                        + " % (weight " + target.weight() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The chat models a route can send calls to. */
    public List<String> getChatModels() {
        if (chatModels == null) {
            chatModels = GatewayKeysView.allModelIds(registry, ModelType.CHAT);
        }
        return chatModels;
    }

    public void startNew() {
        editorOpen = true;
        editing = false;
        id = null;
        sticky = false;
        targets = new ArrayList<>(List.of(new Target(null, 1), new Target(null, 1)));
    }

    public void startEdit(String routeId) {
        modelRoutes
                .find(routeId)
                .ifPresentOrElse(
                        route -> {
                            editorOpen = true;
                            editing = true;
                            id = route.id();
                            sticky = route.sticky();
                            targets = new ArrayList<>(route.targets().stream()
                                    .map(target -> new Target(target.model(), target.weight()))
                                    .toList());
                        },
                        () -> {
                            ConsoleMessages.error(ConsoleMessages.deletedMeanwhile("route " + routeId));
                            rows = null;
                        });
    }

    public void addTarget() {
        targets.add(new Target(null, 1));
    }

    public void removeTarget(int index) {
        if (index >= 0 && index < targets.size()) {
            targets.remove(index);
        }
    }

    /** Creates or replaces the route; the field errors land next to their inputs. */
    public void save() {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        String routeId = id == null ? null : id.strip();
        if (!editing && routeId != null && modelRoutes.find(routeId).isPresent()) {
            ConsoleMessages.fieldError("routeForm:routeId", "a route with this id exists: edit it in the list");
            return;
        }
        try {
            modelRoutes.save(
                    signedIn.getName(),
                    routeId,
                    sticky,
                    targets.stream()
                            .map(target -> new RouteTargetView(
                                    target.getModel(), target.getWeight() == null ? -1 : target.getWeight()))
                            .toList());
            ConsoleMessages.info("Saved the route " + routeId + ".");
            editorOpen = false;
            rows = null;
        } catch (InvalidChangeException e) {
            Map<String, String> inputs = new HashMap<>();
            inputs.put("id", "routeForm:routeId");
            for (int i = 0; i < targets.size(); i++) {
                inputs.put("targets[" + i + "].model", "routeForm:targets:" + i + ":model");
                inputs.put("targets[" + i + "].weight", "routeForm:targets:" + i + ":weight");
            }
            ConsoleMessages.fieldErrors(e.fieldErrors(), inputs);
        }
    }

    public void delete(String routeId) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        if (modelRoutes.delete(signedIn.getName(), routeId)) {
            ConsoleMessages.info("Deleted the route " + routeId + ": clients can no longer call it.");
        } else {
            ConsoleMessages.error(ConsoleMessages.deletedMeanwhile("route " + routeId));
        }
        if (editing && routeId.equals(id)) {
            editorOpen = false;
        }
        rows = null;
    }

    public void closeEditor() {
        editorOpen = false;
    }

    public boolean isEditorOpen() {
        return editorOpen;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isSticky() {
        return sticky;
    }

    public void setSticky(boolean sticky) {
        this.sticky = sticky;
    }

    public List<Target> getTargets() {
        return targets;
    }
}
