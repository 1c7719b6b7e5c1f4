package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.migration.legacy.ImportHooks;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.registry.ModelChecks;
import io.llmadmin.services.registry.ModelRegistry;
import java.util.List;
import java.util.function.Predicate;

/**
 * The server's part of an import: every model is held to the admin API's rules ({@link ModelChecks}), every model
 * written gets the same audit event an admin's change would (actor, action, masked before and after), and the run
 * gets one {@code IMPORT} event; all of it in the run's transaction, so the events exist exactly when the rows do.
 */
final class ServerImportHooks implements ImportHooks {

    private final AuditLog auditLog;
    private final String actor;

    ServerImportHooks(AuditLog auditLog, String actor) {
        this.auditLog = auditLog;
        this.actor = actor;
    }

    @Override
    public List<String> problems(ModelConfiguration model, Predicate<String> modelExists) {
        return ModelChecks.validate(model, modelExists).stream()
                .map(error -> error.field() + ": " + error.message())
                .toList();
    }

    @Override
    public String snapshot(ModelConfiguration model) {
        return ModelChecks.auditJson(model);
    }

    @Override
    public void written(ModelConfiguration model, String before) {
        auditLog.record(
                actor,
                before == null ? "CREATE" : "UPDATE",
                ModelRegistry.ENTITY_TYPE,
                model.catalogId(),
                before,
                ModelChecks.auditJson(model));
    }

    @Override
    public void committing(Long runId, LegacySource source, ImportCounts counts) {
        String after = JSON.createObjectBuilder()
                .add("source", source.kind().name())
                .add("description", source.description())
                .add(
                        "counts",
                        JSON.createObjectBuilder()
                                .add("read", counts.read())
                                .add("created", counts.created())
                                .add("updated", counts.updated())
                                .add("unchanged", counts.unchanged())
                                .add("rejected", counts.rejected())
                                .add("ignored", counts.ignored())
                                .add("secrets", counts.secrets()))
                .build()
                .toString();
        auditLog.record(actor, "IMPORT", "ImportRun", String.valueOf(runId), null, after);
    }
}
