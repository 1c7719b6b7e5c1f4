package io.llmadmin.services.ollama.internal;

import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.ollama.OllamaModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records what was done to a local model in its own transaction (the change itself happened on the Ollama server). */
@ApplicationScoped
public class OllamaAuditTrail {

    private final AuditLog auditLog;

    @Inject
    public OllamaAuditTrail(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** For the CDI proxy only. */
    protected OllamaAuditTrail() {
        this(null);
    }

    @Transactional
    public void record(String actor, String action, String endpoint, String model, String afterJson) {
        auditLog.record(actor, action, OllamaModels.ENTITY_TYPE, endpoint + " " + model, null, afterJson);
    }
}
