package io.llmadmin.services.audit.internal;

import io.llmadmin.domain.audit.AuditEvent;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.audit.AuditQuery;
import io.llmadmin.services.changes.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Audit events in the database, written in the caller's transaction (MANDATORY: never on their own). */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    private final EntityManager entityManager;

    @Inject
    public JpaAuditLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** For the CDI proxy only. */
    protected JpaAuditLog() {
        this(null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String actor, String action, String entityType, String entityId, String beforeJson, String afterJson) {
        entityManager.persist(new AuditEvent(actor, action, entityType, entityId, beforeJson, afterJson));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEvent> search(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        addEquals(conditions, parameters, "entityType", query.entityType());
        addEquals(conditions, parameters, "entityId", query.entityId());
        addEquals(conditions, parameters, "actor", query.actor());
        addEquals(conditions, parameters, "action", query.action());
        if (query.from() != null) {
            conditions.add("a.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("a.occurredAt < :to");
            parameters.put("to", query.to());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        TypedQuery<Long> count = entityManager.createQuery("SELECT COUNT(a) FROM AuditEvent a" + where, Long.class);
        TypedQuery<AuditEvent> select = entityManager
                .createQuery(
                        "SELECT a FROM AuditEvent a" + where + " ORDER BY a.occurredAt DESC, a.id DESC",
                        AuditEvent.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        return new Page<>(select.getResultList(), query.page(), query.size(), count.getSingleResult());
    }

    private static void addEquals(List<String> conditions, Map<String, Object> parameters, String field, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add("a." + field + " = :" + field);
            parameters.put(field, value.trim());
        }
    }
}
