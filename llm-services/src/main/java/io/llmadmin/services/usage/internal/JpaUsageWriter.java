package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends a batch to {@code usage_record} and adds it to the hourly {@code usage_rollup} and the daily
 * {@code usage_rollup_day}, in one JTA transaction.
 */
@ApplicationScoped
public class JpaUsageWriter implements UsageWriter {

    private final EntityManager entityManager;

    @Inject
    public JpaUsageWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaUsageWriter() {
        this(null);
    }

    @Override
    @Transactional
    public void write(List<UsageEvent> batch) {
        // The rollups first: a native statement flushes the persistence context, which would recompute the changes of
        // every record persisted before it, once per statement.
        UsageRollups.add(entityManager, batch);
        for (UsageEvent event : batch) {
            entityManager.persist(new UsageRecord(
                    event.modelId(),
                    event.caller(),
                    event.tokensIn(),
                    event.tokensOut(),
                    event.tokensCached(),
                    event.tokensEstimated(),
                    event.latencyMillis(),
                    event.outcome(),
                    event.occurredAt().atOffset(ZoneOffset.UTC),
                    event.cost(),
                    event.currency(),
                    event.gatewayKey()));
        }
    }
}
