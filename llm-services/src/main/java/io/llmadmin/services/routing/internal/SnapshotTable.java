package io.llmadmin.services.routing.internal;

import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.registry.ModelRegistry;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;

/**
 * A table an admin changes and every call reads: the request path reads a {@link Snapshot} at most
 * {@link #SNAPSHOT_AGE} old, and each change is audited, drops the snapshot so this instance sees it at once, and fires
 * {@link RoutingChanged} so that the other instances hear of it once it is committed ({@link RoutingRefresh}).
 * Routes and response-cache policies are such tables.
 *
 * @param <T> what the request path reads, loaded whole from the table
 */
abstract class SnapshotTable<T> {

    // No final methods: CDI proxies the subclasses, and a final method would make them unproxyable.

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

    protected final EntityManager entityManager;
    protected final ModelRegistry registry;
    private final AuditLog auditLog;
    private final String entityType;
    private final Event<RoutingChanged> changed;
    private final Snapshot<T> snapshot;

    SnapshotTable(
            EntityManager entityManager,
            ModelRegistry registry,
            AuditLog auditLog,
            Event<RoutingChanged> changed,
            String entityType) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.auditLog = auditLog;
        this.changed = changed;
        this.entityType = entityType;
        this.snapshot = new Snapshot<>(this::load, SNAPSHOT_AGE, Clock.systemUTC());
    }

    /** For the CDI proxy only. */
    protected SnapshotTable() {
        this.entityManager = null;
        this.registry = null;
        this.auditLog = null;
        this.entityType = null;
        this.changed = null;
        this.snapshot = null;
    }

    /** The whole table as the request path reads it. */
    protected abstract T load();

    /** The table as of at most {@link #SNAPSHOT_AGE} ago. */
    protected T snapshot() {
        return snapshot.get();
    }

    /**
     * Audits a change already flushed, drops the snapshot so this instance's next call reads it, and announces it to
     * the other instances after the commit.
     */
    protected void changed(String actor, String action, String id, String before, String after) {
        auditLog.record(actor, action, entityType, id, before, after);
        snapshot.drop();
        changed.fire(new RoutingChanged());
    }

    /** Forgets the snapshot: the next call reads the table again (a change committed here or elsewhere). */
    public void dropSnapshot() {
        snapshot.drop();
    }
}
