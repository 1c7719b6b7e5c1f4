package io.llmadmin.services.registry.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.ModelDraft;
import java.util.List;
import java.util.function.Predicate;

/** The registry's validator and audit snapshot, handed out through {@code ModelChecks} (same feature). */
public final class ModelRules {

    private ModelRules() {}

    public static List<FieldError> validate(ModelDraft draft, Predicate<String> modelExists) {
        return ModelDraftValidator.validate(draft, modelExists);
    }

    public static String auditJson(ModelConfiguration model) {
        return ModelSnapshots.maskedJson(model);
    }
}
