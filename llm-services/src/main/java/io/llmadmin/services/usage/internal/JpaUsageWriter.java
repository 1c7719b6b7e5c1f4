package io.llmadmin.services.usage.internal;

import io.llmadmin.domain.usage.UsagePayload;
import io.llmadmin.domain.usage.UsageRecord;
import io.llmadmin.services.usage.CallPayload;
import io.llmadmin.services.usage.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends a batch to {@code usage_record} (and the payloads of calls whose model logs them to {@code usage_payload})
 * and adds it to the hourly {@code usage_rollup} and the daily {@code usage_rollup_day}, in one JTA transaction.
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
        Map<UsageRecord, CallPayload> payloads = new LinkedHashMap<>();
        for (UsageEvent event : batch) {
            UsageRecord record = new UsageRecord(
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
                    event.gatewayKey());
            entityManager.persist(record);
            if (event.payload() != null) {
                payloads.put(record, event.payload());
            }
        }
        if (!payloads.isEmpty()) {
            // the rows first, so each payload's key refers to a row that is there
            entityManager.flush();
            payloads.forEach((record, payload) ->
                    entityManager.persist(new UsagePayload(record.id(), payload.prompt(), payload.completion())));
        }
    }
}
