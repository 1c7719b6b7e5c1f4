package io.llmadmin.services.budgets.internal;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.budgets.BudgetLedger;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.pricing.Cost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds each call's worst-case cost against its key's and its model's budgets: the budgets are read from the database
 * at most every {@code LLMADMIN_BUDGET_CACHE_SECONDS} (default 5), and at once after a change here; each budget's
 * current period is a window of {@link BudgetWindows} (Redis when {@code REDIS_URL} is set, shared by every instance;
 * this instance's memory otherwise) whose spend starts from the costs already in {@code usage_record} for the period
 * and then moves with every hold (the worst case, checked and added in one atomic step for all of the call's
 * budgets, so concurrent calls cannot together pass the amount) and settlement (the hold replaced by the real cost).
 */
@ApplicationScoped
public class DefaultBudgetLedger implements BudgetLedger {

    private final EntityManager entityManager;
    private final BudgetWindows windows;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile CachedBudgets budgets;

    @Inject
    public DefaultBudgetLedger(
            EntityManager entityManager,
            BudgetWindows windows,
            @ConfigProperty(name = "LLMADMIN_BUDGET_CACHE_SECONDS", defaultValue = "5") long cacheSeconds) {
        this(entityManager, windows, Clock.systemUTC(), Duration.ofSeconds(Math.max(0, cacheSeconds)));
    }

    DefaultBudgetLedger(EntityManager entityManager, BudgetWindows windows, Clock clock, Duration cacheFor) {
        this.entityManager = entityManager;
        this.windows = windows;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** For the CDI proxy only. */
    protected DefaultBudgetLedger() {
        this(null, null, Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Hold hold(String gatewayKey, String modelId, Cost worstCase) {
        Instant now = clock.instant();
        List<Budget> applying = new ArrayList<>(2);
        List<BudgetWindows.Window> held = new ArrayList<>(2);
        for (Budget budget : budgetsOf(gatewayKey, modelId, now)) {
            if (budget.currency().equals(worstCase.currency())) { // a budget counts the prices of its own currency only
                applying.add(budget);
                held.add(windowOf(budget, now));
            }
        }
        if (held.isEmpty()) {
            return Hold.NONE;
        }
        try {
            windows.hold(held, worstCase.amount());
        } catch (BudgetWindows.Refused refused) {
            throw exhausted(applying.get(refused.index), refused.spent, refused.reserved, worstCase.amount());
        }
        return new Hold() {
            private boolean settled;

            @Override
            public synchronized void settle(Cost actual) {
                if (settled) {
                    return;
                }
                settled = true;
                BigDecimal cost = actual != null && actual.currency().equals(worstCase.currency())
                        ? actual.amount()
                        : BigDecimal.ZERO;
                windows.settle(held, worstCase.amount(), cost);
            }
        };
    }

    private static LlmRateLimitedException exhausted(
            Budget budget, BigDecimal spent, BigDecimal reserved, BigDecimal worstCase) {
        return LlmRateLimitedException.budgetExhausted("Budget exhausted: the "
                + budget.period().name().toLowerCase(java.util.Locale.ROOT) + " budget of "
                + (budget.scope() == Budget.Scope.KEY ? "gateway key '" : "model '") + budget.subject() + "' ("
                + budget.amount().stripTrailingZeros().toPlainString() + " " + budget.currency() + ") has "
                + budget.amount()
                        .subtract(spent)
                        .subtract(reserved)
                        .max(BigDecimal.ZERO)
                        .stripTrailingZeros()
                        .toPlainString()
                + " left, less than this call may cost ("
                + worstCase.stripTrailingZeros().toPlainString() + ")");
    }

    /** Spent and held in the budget's current period, as {@code [spent, reserved]}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    BigDecimal[] standing(Budget budget) {
        return windows.standing(windowOf(budget, clock.instant()));
    }

    Instant now() {
        return clock.instant();
    }

    /** A budget changed or went: read them again; a deleted budget's windows go, a changed one keeps its spend. */
    void budgetsChanged() {
        budgets = null;
    }

    void forget(long budgetId) {
        windows.forget(budgetId);
        budgets = null;
    }

    private List<Budget> budgetsOf(String gatewayKey, String modelId, Instant now) {
        CachedBudgets cached = budgets;
        if (cached == null || !now.isBefore(cached.until)) {
            cached = new CachedBudgets(
                    entityManager
                            .createQuery("SELECT b FROM Budget b", Budget.class)
                            .getResultList(),
                    now.plus(cacheFor));
            budgets = cached;
        }
        List<Budget> matching = new ArrayList<>(2);
        for (Budget budget : cached.all) {
            boolean applies = switch (budget.scope()) {
                case KEY -> budget.subject().equals(gatewayKey);
                case MODEL -> budget.subject().equals(modelId);
            };
            if (applies) {
                matching.add(budget);
            }
        }
        return matching;
    }

    private BudgetWindows.Window windowOf(Budget budget, Instant now) {
        Instant start = BudgetPeriods.start(budget.period(), now);
        return new BudgetWindows.Window(
                budget.id(),
                budget.createdAt().toInstant().toEpochMilli(),
                start,
                BudgetPeriods.end(budget.period(), start),
                budget.amount(),
                () -> recordedSpend(budget, start));
    }

    /** What the calls recorded in the period already cost (the calls still queued for writing are not there yet). */
    private BigDecimal recordedSpend(Budget budget, Instant start) {
        String column = budget.scope() == Budget.Scope.KEY ? "u.gatewayKey" : "u.modelId";
        BigDecimal sum = entityManager
                .createQuery(
                        "SELECT SUM(u.cost) FROM UsageRecord u WHERE " + column + " = :subject"
                                + " AND u.currency = :currency AND u.occurredAt >= :start",
                        BigDecimal.class)
                .setParameter("subject", budget.subject())
                .setParameter("currency", budget.currency())
                .setParameter("start", start.atOffset(ZoneOffset.UTC))
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private record CachedBudgets(List<Budget> all, Instant until) {}
}
