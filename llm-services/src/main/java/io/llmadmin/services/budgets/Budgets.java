package io.llmadmin.services.budgets;

import java.util.List;

/** The budgets, changed by admins and audited as {@code BUDGET}. */
public interface Budgets {

    /** Every budget with its current spend, keys first, then by subject. */
    List<BudgetView> list();

    /**
     * Creates a budget; one per key or model.
     *
     * @throws io.llmadmin.services.changes.InvalidChangeException naming the wrong fields, or {@code subject} when that
     *     key or model already has one or does not exist
     */
    BudgetView create(String actor, BudgetDraft draft);

    /**
     * Changes a budget's amount, currency or period (its scope and subject stay).
     *
     * @throws io.llmadmin.services.changes.UnknownEntityException when there is no such budget
     * @throws io.llmadmin.services.changes.StaleVersionException when someone changed it since {@code version}
     */
    BudgetView update(String actor, long id, long version, BudgetDraft draft);

    /** @throws io.llmadmin.services.changes.UnknownEntityException when there is no such budget */
    void delete(String actor, long id);
}
