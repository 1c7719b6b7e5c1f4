package io.llmadmin.services.registry;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.internal.ModelRules;
import java.util.List;
import java.util.function.Predicate;

/**
 * The admin API's rules for a model, for writers that build the entity themselves (the legacy import) and for forms
 * that check what they could not even state: the same validation as {@link ModelRegistry#create} and the same masked
 * audit snapshot, so an imported model is held to exactly what an admin's would be.
 */
public final class ModelChecks {

    private ModelChecks() {}

    /** Every field error of the model as it would be stored, empty when the admin API would accept it. */
    public static List<FieldError> validate(ModelConfiguration model, Predicate<String> modelExists) {
        return ModelRules.validate(draftOf(model), modelExists);
    }

    /**
     * Every field error of a draft, as {@link ModelRegistry#create} would name them (without the credential check,
     * which needs the vault): for a form that must report its own input mistakes together with the registry's.
     */
    public static List<FieldError> validate(ModelDraft draft, Predicate<String> modelExists) {
        return ModelRules.validate(draft, modelExists);
    }

    /** The model as the audit trail records it (secret-looking values masked). */
    public static String auditJson(ModelConfiguration model) {
        return ModelRules.auditJson(model);
    }

    /** Everything stated about a stored or about-to-be-stored model, as a draft. */
    public static ModelDraft draftOf(ModelConfiguration model) {
        return ModelView.of(model).draft();
    }
}
