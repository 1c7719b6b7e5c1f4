package io.llmadmin.web.console;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.budgets.BudgetView;
import io.llmadmin.services.budgets.Budgets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The budget bars of the gateway keys page: each key's budget as {@link BudgetBar}, read once per request. Its own
 * bean, so the gateway keys page's bean stays as it is.
 */
@Named("budgetBars")
@RequestScoped
public class BudgetBars {

    private final Budgets budgets;
    private Map<String, BudgetBar> perKey;

    @Inject
    public BudgetBars(Budgets budgets) {
        this.budgets = budgets;
    }

    /** For the CDI proxy only. */
    protected BudgetBars() {
        this(null);
    }

    /** The bar of this key's budget, or null when it has none. */
    public BudgetBar forKey(String keyName) {
        if (perKey == null) {
            perKey = budgets.list().stream()
                    .filter(budget -> budget.scope() == Budget.Scope.KEY)
                    .collect(Collectors.toMap(BudgetView::subject, BudgetBar::of, (first, second) -> first));
        }
        return perKey.get(keyName);
    }
}
