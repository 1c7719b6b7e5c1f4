package io.llmadmin.services.budgets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the spend of budgets' current periods is kept: {@link InProcessBudgetWindows} (this instance's memory) or
 * {@link RedisBudgetWindows} (shared by every instance, when {@code REDIS_URL} is set). A hold checks and reserves
 * against all the windows of a call at once, atomically, so concurrent calls, on any instance, cannot together pass
 * an amount.
 */
public interface BudgetWindows {

    /**
     * Holds {@code worstCase} in every window, or in none.
     *
     * @throws Refused naming the first window the hold would pass
     */
    void hold(List<Window> windows, BigDecimal worstCase);

    /** Replaces a hold by the real cost in every window (a window whose period ended is left alone). */
    void settle(List<Window> windows, BigDecimal held, BigDecimal actual);

    /** Spent and held in the window, as {@code [spent, reserved]}. */
    BigDecimal[] standing(Window window);

    /** The budget changed its currency or period: its spend is counted from the records again. */
    void forget(long budgetId);

    /**
     * One budget's current period.
     *
     * @param budgetCreated when the budget was created (epoch milliseconds): with its id, it names the budget in a
     *     store that outlives a database (a Redis shared by a recreated or another database must not mix their spend)
     * @param recordedSpend what the calls already recorded in the period cost: the window's spend when it opens
     */
    record Window(
            long budgetId,
            long budgetCreated,
            Instant start,
            Instant end,
            BigDecimal amount,
            Supplier<BigDecimal> recordedSpend) {}

    /** A hold that would pass the amount of {@code windows.get(index)}. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int index;
        final BigDecimal spent;
        final BigDecimal reserved;

        Refused(int index, BigDecimal spent, BigDecimal reserved) {
            super(null, null, false, false);
            this.index = index;
            this.spent = spent;
            this.reserved = reserved;
        }
    }
}
