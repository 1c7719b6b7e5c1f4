package io.llmadmin.services.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money.
 *
 * @param amount >= 0
 * @param currency an ISO 4217 code
 */
public record Cost(BigDecimal amount, String currency) {

    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0");
        }
    }
}
