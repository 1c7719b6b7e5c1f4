package io.llmadmin.services.legacycalls.internal;

import io.llmadmin.domain.legacycalls.LegacyCallSite;
import io.llmadmin.services.legacycalls.LegacyCallCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code legacy_call_site} through JPA. A flush adds to a pair with one {@code UPDATE ... SET calls = calls + n}, so
 * instances flushing at once never overwrite each other; a pair no instance has stored yet is inserted, and if another
 * instance inserted it first the unique key refuses this transaction and its counts wait for the next flush.
 */
@ApplicationScoped
public class JpaLegacyCallStore implements LegacyCallStore {

    private final EntityManager entityManager;

    @Inject
    public JpaLegacyCallStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaLegacyCallStore() {
        this(null);
    }

    @Override
    @Transactional
    public void add(List<LegacyCallCount> calls) {
        for (LegacyCallCount count : calls) {
            String callerClass = fitted(count.callerClass(), LegacyCallSite.MAX_CALLER_CLASS_LENGTH);
            String function = fitted(count.function(), LegacyCallSite.MAX_FUNCTION_LENGTH);
            int updated = entityManager
                    .createQuery("UPDATE LegacyCallSite s SET s.calls = s.calls + :calls,"
                            + " s.lastSeen = CASE WHEN s.lastSeen < :seen THEN :seen ELSE s.lastSeen END"
                            + " WHERE s.functionName = :function AND s.callerClass = :caller")
                    .setParameter("calls", count.calls())
                    .setParameter("seen", count.lastSeen().atOffset(ZoneOffset.UTC))
                    .setParameter("function", function)
                    .setParameter("caller", callerClass)
                    .executeUpdate();
            if (updated == 0) {
                entityManager.persist(new LegacyCallSite(
                        function, callerClass, count.calls(), count.lastSeen().atOffset(ZoneOffset.UTC)));
            }
        }
        entityManager.flush();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LegacyCallCount> all() {
        return entityManager
                .createQuery(
                        "SELECT s FROM LegacyCallSite s ORDER BY s.functionName, s.callerClass", LegacyCallSite.class)
                .getResultStream()
                .map(site -> new LegacyCallCount(
                        site.functionName(),
                        site.callerClass(),
                        site.calls(),
                        site.lastSeen().toInstant()))
                .toList();
    }

    /** A name longer than its column (a generated class's, say) is cut rather than refused forever. */
    private static String fitted(String name, int maxLength) {
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }
}
