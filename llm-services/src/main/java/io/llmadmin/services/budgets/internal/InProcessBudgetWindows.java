package io.llmadmin.services.budgets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budget spend in this instance's memory: with N instances a budget can be passed by up to the calls the others made
 * since their windows opened. A hold takes one lock for all of a call's windows, so checking and reserving are one
 * step.
 */
final class InProcessBudgetWindows implements BudgetWindows {

    private final Map<Key, Spend> windows = new ConcurrentHashMap<>();

    @Override
    public synchronized void hold(List<Window> held, BigDecimal worstCase) {
        List<Spend> spends = held.stream().map(this::spendOf).toList();
        for (int i = 0; i < spends.size(); i++) {
            Spend spend = spends.get(i);
            if (spend.spent
                            .add(spend.reserved)
                            .add(worstCase)
                            .compareTo(held.get(i).amount())
                    > 0) {
                throw new Refused(i, spend.spent, spend.reserved);
            }
        }
        spends.forEach(spend -> spend.reserved = spend.reserved.add(worstCase));
    }

    @Override
    public synchronized void settle(List<Window> held, BigDecimal heldAmount, BigDecimal actual) {
        for (Window window : held) {
            Spend spend = windows.get(new Key(window.budgetId(), window.start()));
            if (spend != null) {
                spend.reserved = spend.reserved.subtract(heldAmount).max(BigDecimal.ZERO);
                spend.spent = spend.spent.add(actual);
            }
        }
    }

    @Override
    public synchronized BigDecimal[] standing(Window window) {
        Spend spend = spendOf(window);
        return new BigDecimal[] {spend.spent, spend.reserved};
    }

    @Override
    public void forget(long budgetId) {
        windows.keySet().removeIf(key -> key.budgetId == budgetId);
    }

    private Spend spendOf(Window window) {
        Key key = new Key(window.budgetId(), window.start());
        Spend spend = windows.get(key);
        if (spend == null) {
            // Older periods of this budget are over: drop them so the map does not grow with time.
            windows.keySet().removeIf(old -> old.budgetId == window.budgetId() && !old.equals(key));
            spend = windows.computeIfAbsent(
                    key, k -> new Spend(window.recordedSpend().get()));
        }
        return spend;
    }

    private record Key(long budgetId, Instant start) {}

    private static final class Spend {
        BigDecimal spent;
        BigDecimal reserved = BigDecimal.ZERO;

        Spend(BigDecimal spent) {
            this.spent = spent;
        }
    }
}
