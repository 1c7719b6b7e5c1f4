package io.llmadmin.web.security;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.services.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Audits sign-in locks (entity type {@code SignIn}, action {@code LOCK}), each in a transaction of its own: a sign-in
 * has none, and the event must be stored even though the request is refused. Only locks are audited, not every
 * failure, so a flood of wrong passwords writes a handful of rows, not one per request.
 */
@ApplicationScoped
public class SignInAudit {

    static final String ENTITY_TYPE = "SignIn";
    static final String ACTION = "LOCK";

    private final AuditLog auditLog;

    @Inject
    public SignInAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected SignInAudit() {
        this(null);
    }

    /**
     * @param what {@code user} or {@code address}: which count reached its threshold
     * @param username the user name tried (printable, never a password)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void locked(String what, String username, String address, int failures, long seconds, String channel) {
        String details = JSON.createObjectBuilder()
                .add("locked", what)
                .add("username", username)
                .add("address", address)
                .add("failuresInARow", failures)
                .add("lockedSeconds", seconds)
                .add("channel", channel)
                .build()
                .toString();
        auditLog.record(
                AuditLog.SYSTEM_ACTOR, ACTION, ENTITY_TYPE, what.equals("user") ? username : address, null, details);
    }
}
