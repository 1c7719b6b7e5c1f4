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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Budget spend in this instance's memory. Each budget's current period is a {@link Window}: its spend starts from the
 * costs already in {@code usage_record} for the period (read once, when the window opens) and then moves with every
 * hold (the worst case, checked and added under the window's lock, so concurrent calls cannot together pass the
 * amount) and settlement (the hold replaced by the real cost). The budgets themselves are read from the database at
 * most every {@code LLMADMIN_BUDGET_CACHE_SECONDS} (default 5), and at once after a change here.
 *
 * <p>Several instances each keep their own spend: with N instances a budget can be passed by up to the calls the
 * others made since their windows opened (see the README's "Not done yet").
 */
@ApplicationScoped
public class InProcessBudgetLedger implements BudgetLedger {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<WindowKey, Window> windows = new ConcurrentHashMap<>();
    private volatile CachedBudgets budgets;

    @Inject
    public InProcessBudgetLedger(
            EntityManager entityManager,
            @ConfigProperty(name = "LLMADMIN_BUDGET_CACHE_SECONDS", defaultValue = "5") long cacheSeconds) {
        this(entityManager, Clock.systemUTC(), Duration.ofSeconds(Math.max(0, cacheSeconds)));
    }

    InProcessBudgetLedger(EntityManager entityManager, Clock clock, Duration cacheFor) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** For the CDI proxy only. */
    protected InProcessBudgetLedger() {
        this(null, Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Hold hold(String gatewayKey, String modelId, Cost worstCase) {
        Instant now = clock.instant();
        List<Window> held = new ArrayList<>();
        try {
            for (Budget budget : budgetsOf(gatewayKey, modelId, now)) {
                if (!budget.currency().equals(worstCase.currency())) {
                    continue; // a budget counts the prices of its own currency only
                }
                Window window = windowOf(budget, now);
                window.hold(budget, worstCase.amount());
                held.add(window);
            }
        } catch (LlmRateLimitedException refused) {
            held.forEach(window -> window.settle(worstCase.amount(), BigDecimal.ZERO));
            throw refused;
        }
        if (held.isEmpty()) {
            return Hold.NONE;
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
                held.forEach(window -> window.settle(worstCase.amount(), cost));
            }
        };
    }

    /** Spent and held in the budget's current period, as {@code [spent, reserved]}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    BigDecimal[] standing(Budget budget) {
        Window window = windowOf(budget, clock.instant());
        synchronized (window) {
            return new BigDecimal[] {window.spent, window.reserved};
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** A budget changed or went: read them again; a deleted budget's windows go, a changed one keeps its spend. */
    void budgetsChanged() {
        budgets = null;
    }

    void forget(long budgetId) {
        windows.keySet().removeIf(key -> key.budgetId == budgetId);
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

    private Window windowOf(Budget budget, Instant now) {
        Instant start = BudgetPeriods.start(budget.period(), now);
        WindowKey key = new WindowKey(budget.id(), budget.period(), start);
        Window window = windows.get(key);
        if (window == null) {
            // Older periods of this budget are over: drop them so the map does not grow with time.
            windows.keySet().removeIf(old -> old.budgetId == budget.id() && !old.equals(key));
            window = windows.computeIfAbsent(key, k -> new Window(recordedSpend(budget, start)));
        }
        return window;
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

    private record WindowKey(long budgetId, Budget.Period period, Instant start) {}

    private record CachedBudgets(List<Budget> all, Instant until) {}

    /** One budget's current period: what is spent and what running calls hold. */
    private static final class Window {
        private BigDecimal spent;
        private BigDecimal reserved = BigDecimal.ZERO;

        Window(BigDecimal spent) {
            this.spent = spent;
        }

        synchronized void hold(Budget budget, BigDecimal worstCase) {
            if (spent.add(reserved).add(worstCase).compareTo(budget.amount()) > 0) {
                throw LlmRateLimitedException.budgetExhausted("Budget exhausted: the "
                        + budget.period().name().toLowerCase(java.util.Locale.ROOT) + " budget of "
                        + (budget.scope() == Budget.Scope.KEY ? "gateway key '" : "model '") + budget.subject()
                        + "' (" + budget.amount().stripTrailingZeros().toPlainString() + " " + budget.currency()
                        + ") has "
                        + budget.amount()
                                .subtract(spent)
                                .subtract(reserved)
                                .max(BigDecimal.ZERO)
                                .stripTrailingZeros()
                                .toPlainString()
                        + " left, less than this call may cost ("
                        + worstCase.stripTrailingZeros().toPlainString() + ")");
            }
            reserved = reserved.add(worstCase);
        }

        synchronized void settle(BigDecimal heldAmount, BigDecimal actual) {
            reserved = reserved.subtract(heldAmount).max(BigDecimal.ZERO);
            spent = spent.add(actual);
        }
    }
}
