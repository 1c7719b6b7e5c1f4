package io.llmadmin.web.console;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.budgets.BudgetDraft;
import io.llmadmin.services.budgets.BudgetView;
import io.llmadmin.services.budgets.Budgets;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.registry.ModelRegistry;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The budgets page ({@code /console/budgets.xhtml}): every budget per gateway key or model with its bar (spent of the
 * amount this period, the warning from 80 %); admins set one (a key or a model picked from those that exist, an
 * amount, a currency, a period), change its amount and period, and clear it (after a confirmation). Viewers see the
 * list.
 */
@Named("budgets")
@ViewScoped
public class BudgetsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ADMINS_ONLY = "Only admins may change budgets.";

    /** The service's field names and the form's inputs. */
    static final Map<String, String> INPUTS = Map.of(
            "scope", "budgetForm:target",
            "subject", "budgetForm:target",
            "amount", "budgetForm:amount",
            "currency", "budgetForm:currency",
            "period", "budgetForm:period");

    private final Budgets budgets;
    private final GatewayKeys keys;
    private final ModelRegistry registry;
    private final SignedInUser signedIn;

    private transient List<Row> rows;
    private transient List<SelectItem> targets;

    private Long editedId;
    private long editedVersion;
    private String target;
    private BigDecimal amount;
    private String currency = "USD";
    private String period = Budget.Period.MONTH.name();

    @Inject
    public BudgetsView(Budgets budgets, GatewayKeys keys, ModelRegistry registry, SignedInUser signedIn) {
        this.budgets = budgets;
        this.keys = keys;
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected BudgetsView() {
        this(null, null, null, null);
    }

    /** One budget as the table shows it. */
    public record Row(BudgetView budget, BudgetBar bar) implements Serializable {

        public String getScope() {
            return budget.scope() == Budget.Scope.KEY ? "Gateway key" : "Model";
        }

        public String getSubject() {
            return budget.subject();
        }

        public String getPeriod() {
            return budget.period().name().toLowerCase(java.util.Locale.ROOT);
        }

        public String getAmount() {
            return BudgetBar.plain(budget.amount()) + " " + budget.currency();
        }

        public String getHeld() {
            return BudgetBar.plain(budget.reserved()) + " " + budget.currency();
        }

        public String getResets() {
            return budget.periodEnd().toString().replace('T', ' ').replace("Z", " UTC");
        }

        public long getId() {
            return budget.id();
        }

        public BudgetBar getBar() {
            return bar;
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = budgets.list().stream()
                    .map(budget -> new Row(budget, BudgetBar.of(budget)))
                    .toList();
        }
        return rows;
    }

    /** The keys (not revoked) and the models a budget can be set for, as {@code KEY:<name>} and {@code MODEL:<id>}. */
    public List<SelectItem> getTargets() {
        if (targets == null) {
            SelectItemGroup keyItems = new SelectItemGroup("Gateway keys");
            keyItems.setSelectItems(keys.list().stream()
                    .filter(key -> !key.revoked())
                    .map(GatewayKeyView::name)
                    .map(name -> new SelectItem("KEY:" + name, "key " + name))
                    .toList());
            SelectItemGroup modelItems = new SelectItemGroup("Models");
            modelItems.setSelectItems(GatewayKeysView.allModelIds(registry).stream()
                    .map(id -> new SelectItem("MODEL:" + id, "model " + id))
                    .toList());
            targets = List.of(keyItems, modelItems);
        }
        return targets;
    }

    /** Opens the form on a stored budget: its amount, currency and period can change, not what it caps. */
    public void startEdit(long id) {
        getRows().stream()
                .filter(row -> row.getId() == id)
                .findFirst()
                .ifPresentOrElse(
                        row -> {
                            BudgetView budget = row.budget();
                            editedId = budget.id();
                            editedVersion = budget.version();
                            target = budget.scope().name() + ":" + budget.subject();
                            amount = budget.amount().stripTrailingZeros();
                            currency = budget.currency();
                            period = budget.period().name();
                        },
                        () -> ConsoleMessages.error("No budget " + id + " any more: someone cleared it."));
    }

    /** Back to a form for a new budget. */
    public void startNew() {
        editedId = null;
        editedVersion = 0;
        target = null;
        amount = null;
        currency = "USD";
        period = Budget.Period.MONTH.name();
    }

    /** Sets the budget chosen, or changes the one being edited. */
    public void save() {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        boolean chosen = target != null && target.contains(":");
        Budget.Scope scope = chosen ? (target.startsWith("KEY:") ? Budget.Scope.KEY : Budget.Scope.MODEL) : null;
        String subject = chosen ? target.substring(target.indexOf(':') + 1) : null;
        BudgetDraft draft = new BudgetDraft(
                scope,
                subject,
                amount,
                currency == null ? null : currency.strip(),
                period == null ? null : Budget.Period.valueOf(period));
        try {
            if (editedId == null) {
                BudgetView created = budgets.create(signedIn.getName(), draft);
                ConsoleMessages.info("Set the budget of " + describe(created) + ".");
            } else {
                BudgetView changed = budgets.update(signedIn.getName(), editedId, editedVersion, draft);
                ConsoleMessages.info("Changed the budget of " + describe(changed) + ".");
            }
            startNew();
            rows = null;
        } catch (InvalidChangeException e) {
            if (scope == null) {
                // The picker names no key or model: one plain sentence rather than the API's scope and subject rules.
                ConsoleMessages.fieldError(INPUTS.get("subject"), "Choose a key or a model.");
            }
            ConsoleMessages.fieldErrors(
                    e.fieldErrors().stream()
                            .filter(error ->
                                    scope != null || !INPUTS.get("subject").equals(INPUTS.get(error.field())))
                            .toList(),
                    INPUTS);
        } catch (StaleVersionException e) {
            ConsoleMessages.error(ConsoleMessages.changedSinceOpened("budget"));
        } catch (UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
            rows = null;
        }
    }

    /** Clears a budget: the key or model is no longer capped. */
    public void delete(long id) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            String what = getRows().stream()
                    .filter(row -> row.getId() == id)
                    .findFirst()
                    .map(row -> describe(row.budget()))
                    .orElse("budget " + id);
            budgets.delete(signedIn.getName(), id);
            ConsoleMessages.info("Cleared the budget of " + what + ": it is no longer capped.");
            if (editedId != null && editedId == id) {
                startNew();
            }
        } catch (UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows = null;
    }

    private static String describe(BudgetView budget) {
        return (budget.scope() == Budget.Scope.KEY ? "key " : "model ") + budget.subject();
    }

    public boolean isEditing() {
        return editedId != null;
    }

    public List<String> getPeriods() {
        return List.of("DAY", "WEEK", "MONTH");
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }
}
