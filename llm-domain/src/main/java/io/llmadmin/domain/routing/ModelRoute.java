package io.llmadmin.domain.routing;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog id that is not a model but a route: each call to it goes to one of its targets, chosen by weight (an A/B
 * split, or a canary with a small weight). A sticky route sends the same caller to the same target every time, so a
 * conversation does not hop between providers.
 */
@Entity
@Cacheable(false)
@Table(name = "model_route")
public class ModelRoute {

    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_TARGETS = 10;
    public static final int MAX_WEIGHT = 10_000;

    @Id
    @Column(name = "id", nullable = false, length = MAX_ID_LENGTH)
    private String id;

    @Column(name = "sticky", nullable = false)
    private boolean sticky;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_route_target", joinColumns = @JoinColumn(name = "route_id"))
    @OrderColumn(name = "target_position")
    private List<RouteTarget> targets = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ModelRoute() {}

    public ModelRoute(String id, boolean sticky, List<RouteTarget> targets) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        this.id = id;
        change(sticky, targets);
    }

    /** Replaces the route's settings; its id stays. */
    public void change(boolean stickyNow, List<RouteTarget> newTargets) {
        if (newTargets == null || newTargets.isEmpty() || newTargets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("a route has 1 to " + MAX_TARGETS + " targets");
        }
        if (newTargets.stream().mapToInt(RouteTarget::weight).sum() <= 0) {
            throw new IllegalArgumentException("at least one target needs a weight above 0");
        }
        this.sticky = stickyNow;
        this.targets.clear();
        this.targets.addAll(newTargets);
    }

    public String id() {
        return id;
    }

    public boolean sticky() {
        return sticky;
    }

    public List<RouteTarget> targets() {
        return List.copyOf(targets);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "ModelRoute[" + id + ", " + targets.size() + " targets" + (sticky ? ", sticky" : "") + "]";
    }
}
