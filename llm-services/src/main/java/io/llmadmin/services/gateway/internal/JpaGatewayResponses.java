package io.llmadmin.services.gateway.internal;

import io.llmadmin.domain.gateway.GatewayResponse;
import io.llmadmin.services.gateway.GatewayResponses;
import io.llmadmin.services.gateway.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stored responses in the {@code gateway_response} table. A response is kept for {@code GATEWAY_RESPONSES_RETENTION_DAYS}
 * (30, as OpenAI keeps them); an expired one is gone for every reader at once, and the rows are deleted by whichever
 * instance stores a response next, at most once a minute, so no scheduler is needed.
 */
@ApplicationScoped
public class JpaGatewayResponses implements GatewayResponses {

    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong nextPurgeMillis = new AtomicLong();

    @Inject
    public JpaGatewayResponses(
            EntityManager entityManager,
            @ConfigProperty(name = "GATEWAY_RESPONSES_RETENTION_DAYS", defaultValue = "30") long retentionDays) {
        this(entityManager, Duration.ofDays(Math.max(1, retentionDays)), Clock.systemUTC());
    }

    JpaGatewayResponses(EntityManager entityManager, Duration retention, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected JpaGatewayResponses() {
        this(null, Duration.ZERO, Clock.systemUTC());
    }

    @Override
    @Transactional
    public void store(long keyId, StoredResponse response) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        purgeExpired(now);
        entityManager.persist(new GatewayResponse(
                response.id(), keyId, response.conversationJson(), response.bodyJson(), now.plus(retention)));
    }

    @Override
    @Transactional
    public Optional<StoredResponse> find(String id, long keyId) {
        return live(id, keyId).map(found -> new StoredResponse(found.id(), found.conversationJson(), found.bodyJson()));
    }

    @Override
    @Transactional
    public boolean delete(String id, long keyId) {
        Optional<GatewayResponse> found = live(id, keyId);
        found.ifPresent(entityManager::remove);
        return found.isPresent();
    }

    private Optional<GatewayResponse> live(String id, long keyId) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        GatewayResponse found = entityManager.find(GatewayResponse.class, id);
        if (found == null || found.gatewayKeyId() != keyId || found.isExpiredAt(OffsetDateTime.now(clock))) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    private void purgeExpired(OffsetDateTime now) {
        long due = nextPurgeMillis.get();
        long nowMillis = clock.millis();
        if (nowMillis < due || !nextPurgeMillis.compareAndSet(due, nowMillis + PURGE_INTERVAL.toMillis())) {
            return;
        }
        entityManager
                .createQuery("DELETE FROM GatewayResponse r WHERE r.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
