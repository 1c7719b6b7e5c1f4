package io.llmadmin.services.budgets.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.budgets.BudgetDraft;
import io.llmadmin.services.budgets.BudgetView;
import io.llmadmin.services.budgets.Budgets;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Budgets in the {@code budget} table, each change audited as {@code BUDGET} in the same transaction. */
@ApplicationScoped
public class JpaBudgets implements Budgets {

    static final String ENTITY_TYPE = "BUDGET";

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final DefaultBudgetLedger ledger;

    @Inject
    public JpaBudgets(EntityManager entityManager, AuditLog auditLog, DefaultBudgetLedger ledger) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.ledger = ledger;
    }

    /** For the CDI proxy only. */
    protected JpaBudgets() {
        this(null, null, null);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetView> list() {
        return entityManager.createQuery("SELECT b FROM Budget b", Budget.class).getResultList().stream()
                .sorted(Comparator.comparing(Budget::scope).thenComparing(Budget::subject))
                .map(this::view)
                .toList();
    }

    @Override
    @Transactional
    public BudgetView create(String actor, BudgetDraft draft) {
        draft.check();
        requireSubjectExists(draft);
        Long existing = entityManager
                .createQuery(
                        "SELECT COUNT(b) FROM Budget b WHERE b.scope = :scope AND b.subject = :subject", Long.class)
                .setParameter("scope", draft.scope())
                .setParameter("subject", draft.subject())
                .getSingleResult();
        if (existing > 0) {
            throw new InvalidChangeException("subject", "already has a budget: change that one");
        }
        Budget budget = new Budget(
                draft.scope(),
                draft.subject(),
                draft.amount(),
                draft.currency(),
                draft.period(),
                Instant.now().atOffset(ZoneOffset.UTC));
        entityManager.persist(budget);
        entityManager.flush();
        auditLog.record(actor, "CREATE", ENTITY_TYPE, name(budget), null, snapshot(budget));
        ledger.budgetsChanged();
        return view(budget);
    }

    @Override
    @Transactional
    public BudgetView update(String actor, long id, long version, BudgetDraft draft) {
        Budget budget = existing(id);
        if (budget.version() != version) {
            throw new StaleVersionException("Budget of " + name(budget), version, budget.version());
        }
        new BudgetDraft(budget.scope(), budget.subject(), draft.amount(), draft.currency(), draft.period()).check();
        String before = snapshot(budget);
        budget.change(draft.amount(), draft.currency(), draft.period());
        entityManager.flush();
        String after = snapshot(budget);
        if (!after.equals(before)) {
            auditLog.record(actor, "UPDATE", ENTITY_TYPE, name(budget), before, after);
        }
        ledger.forget(id); // a new currency or period counts from the records again
        return view(budget);
    }

    @Override
    @Transactional
    public void delete(String actor, long id) {
        Budget budget = existing(id);
        String before = snapshot(budget);
        entityManager.remove(budget);
        entityManager.flush();
        auditLog.record(actor, "DELETE", ENTITY_TYPE, name(budget), before, null);
        ledger.forget(id);
    }

    private void requireSubjectExists(BudgetDraft draft) {
        String query = draft.scope() == Budget.Scope.KEY
                ? "SELECT COUNT(k) FROM GatewayKey k WHERE k.name = :subject"
                : "SELECT COUNT(m) FROM ModelConfiguration m WHERE m.catalogId = :subject";
        Long found = entityManager
                .createQuery(query, Long.class)
                .setParameter("subject", draft.subject())
                .getSingleResult();
        if (found == 0) {
            throw new InvalidChangeException(
                    "subject",
                    draft.scope() == Budget.Scope.KEY ? "no gateway key has this name" : "no model has this id");
        }
    }

    private Budget existing(long id) {
        Budget budget = entityManager.find(Budget.class, id);
        if (budget == null) {
            throw new UnknownEntityException("No budget with id " + id);
        }
        return budget;
    }

    private BudgetView view(Budget budget) {
        BigDecimal[] standing = ledger.standing(budget);
        Instant start = BudgetPeriods.start(budget.period(), ledger.now());
        return new BudgetView(
                budget.id(),
                budget.scope(),
                budget.subject(),
                budget.amount(),
                budget.currency(),
                budget.period(),
                standing[0],
                standing[1],
                start,
                BudgetPeriods.end(budget.period(), start),
                budget.version());
    }

    private static String name(Budget budget) {
        return budget.scope().name().toLowerCase(java.util.Locale.ROOT) + ":" + budget.subject();
    }

    private static String snapshot(Budget budget) {
        return JSON.createObjectBuilder()
                .add("scope", budget.scope().name())
                .add("subject", budget.subject())
                .add("amount", budget.amount().stripTrailingZeros().toPlainString())
                .add("currency", budget.currency())
                .add("period", budget.period().name())
                .build()
                .toString();
    }
}
