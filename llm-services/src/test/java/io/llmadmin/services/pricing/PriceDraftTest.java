package io.llmadmin.services.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A price is checked whole, every wrong field named; and priced calls cost exactly what the rows say. */
class PriceDraftTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void should_name_every_wrong_field() {
        PriceDraft draft = new PriceDraft(
                Instant.parse("2026-12-01T00:00:00Z"),
                "usd",
                new BigDecimal("-1"),
                null,
                new BigDecimal("0.000000001"),
                null,
                null);
        assertThatThrownBy(() -> draft.check(NOW))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "currency",
                                        "inputPerMillion",
                                        "outputPerMillion",
                                        "cachedInputPerMillion",
                                        "effectiveFrom"));
    }

    @Test
    void should_refuse_a_start_beyond_the_year_9999() {
        PriceDraft draft = new PriceDraft(
                Instant.parse("+10000-01-01T00:00:00Z"), "USD", BigDecimal.ONE, BigDecimal.ONE, null, null, null);
        assertThatThrownBy(() -> draft.check(NOW)).hasMessageContaining("effectiveFrom");
    }

    @Test
    void should_cost_cached_input_at_its_own_rate_and_exactly() {
        Price price = new Price(
                1,
                "m",
                NOW,
                "USD",
                new BigDecimal("100"),
                new BigDecimal("500"),
                new BigDecimal("10"),
                null,
                null,
                "admin");
        assertThat(price.cost(11, 4, 0)).isEqualByComparingTo("0.0031");
        assertThat(price.cost(11, 4, 10)).isEqualByComparingTo("0.0022");
    }
}
