package io.llmadmin.services.budgets;

import io.llmadmin.domain.usage.Budget;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget to save.
 *
 * @param scope what it caps
 * @param subject the gateway key's name or the model's catalog id
 * @param amount what may be spent per period, >= 0 (0 refuses every priced call)
 * @param currency the ISO 4217 code of the prices it counts
 * @param period the calendar period the amount is for
 */
public record BudgetDraft(
        Budget.Scope scope, String subject, BigDecimal amount, String currency, Budget.Period period) {

    private static final BigDecimal MOST = new BigDecimal("999999999999");

    /** @throws InvalidChangeException naming every wrong field */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        if (scope == null) {
            errors.add(new FieldError("scope", "must be KEY or MODEL"));
        }
        if (subject == null || subject.isBlank() || subject.length() > 100) {
            errors.add(new FieldError("subject", "must be 1 to 100 characters"));
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (amount.signum() < 0 || amount.compareTo(MOST) > 0) {
            errors.add(new FieldError("amount", "must be between 0 and " + MOST.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 8) {
            errors.add(new FieldError("amount", "must have at most 8 decimal places"));
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "must be a three-letter ISO 4217 code such as USD"));
        }
        if (period == null) {
            errors.add(new FieldError("period", "must be DAY, WEEK or MONTH"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }
}
