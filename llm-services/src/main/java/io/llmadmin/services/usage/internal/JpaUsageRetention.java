package io.llmadmin.services.usage.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes raw usage rows older than a moment, with the prompts and answers kept of them; the hourly and daily rollups stay, so the usage API's sums over whole hours are
 * unchanged by it (only the request log, and the parts of an hour at a range's ends, lose those calls).
 */
@ApplicationScoped
public class JpaUsageRetention {

    private final EntityManager entityManager;

    @Inject
    public JpaUsageRetention(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaUsageRetention() {
        this(null);
    }

    /** Deletes the raw rows of calls that started before {@code before}, and their payloads; answers how many went. */
    @Transactional
    public int deleteRawBefore(Instant before) {
        entityManager
                .createQuery("DELETE FROM UsagePayload p WHERE p.usageId IN"
                        + " (SELECT u.id FROM UsageRecord u WHERE u.occurredAt < :before)")
                .setParameter("before", before.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return entityManager
                .createQuery("DELETE FROM UsageRecord u WHERE u.occurredAt < :before")
                .setParameter("before", before.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
