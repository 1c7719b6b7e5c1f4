package io.llmadmin.services.budgets;

import io.llmadmin.domain.usage.Budget;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget and where it stands in its current period.
 *
 * @param spent the cost of the calls settled in this period
 * @param reserved the worst-case cost held by calls still running
 * @param periodStart when the current period began
 * @param periodEnd when it ends (and the spend starts again from zero)
 */
public record BudgetView(
        long id,
        Budget.Scope scope,
        String subject,
        BigDecimal amount,
        String currency,
        Budget.Period period,
        BigDecimal spent,
        BigDecimal reserved,
        Instant periodStart,
        Instant periodEnd,
        long version) {

    /** The share of the amount at which a budget warns: 80 %. */
    public static final int WARNING_PERCENT = 80;

    /** Whether at least {@link #WARNING_PERCENT} of the amount is spent in this period. */
    public boolean warning() {
        return percentSpent() >= WARNING_PERCENT;
    }

    /** How much of the amount is spent, in percent (100 when the amount is 0). */
    public int percentSpent() {
        if (amount.signum() == 0) {
            return 100;
        }
        return spent.multiply(BigDecimal.valueOf(100))
                .divide(amount, 0, java.math.RoundingMode.DOWN)
                .min(BigDecimal.valueOf(1000))
                .intValue();
    }
}
