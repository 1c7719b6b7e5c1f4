package io.llmadmin.web.console;

import io.llmadmin.services.budgets.BudgetView;
import java.io.Serializable;
import java.util.Locale;

/**
 * A budget as a bar: what is spent of its amount in the current period, with a warning from {@link #WARNING_PERCENT}.
 * The text says it all (amounts, percent, "warning"/"used up"), so the bar itself is only a picture of it.
 *
 * @param percent spent of the amount, 0 to 100 for the bar's width
 * @param state {@code ok}, {@code warning} (at or above 80 %) or {@code exhausted} (at or above 100 %)
 * @param text "0.0031 of 0.01 USD this day (31 %)", with the warning said in words
 */
public record BudgetBar(int percent, String state, String text) implements Serializable {

    /** Where the warning line is drawn and the text starts to warn. */
    static final int WARNING_PERCENT = 80;

    static BudgetBar of(BudgetView budget) {
        int percent = budget.percentSpent();
        String state = percent >= 100 ? "exhausted" : percent >= WARNING_PERCENT ? "warning" : "ok";
        String text = plain(budget.spent()) + " of " + plain(budget.amount()) + " " + budget.currency() + " this "
                + budget.period().name().toLowerCase(Locale.ROOT) + " (" + percent + " %)"
                + switch (state) {
                    case "exhausted" -> ": used up, calls are refused";
                    case "warning" -> ": warning, " + WARNING_PERCENT + " % reached";
                    default -> "";
                };
        return new BudgetBar(Math.min(100, percent), state, text);
    }

    static String plain(java.math.BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    public int getPercent() {
        return percent;
    }

    public String getState() {
        return state;
    }

    public String getText() {
        return text;
    }
}
