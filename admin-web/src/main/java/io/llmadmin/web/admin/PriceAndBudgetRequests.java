package io.llmadmin.web.admin;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The bodies {@code /api/admin/models/{id}/prices} and {@code /api/admin/budgets} accept. */
public final class PriceAndBudgetRequests {

    private PriceAndBudgetRequests() {}

    /**
     * A model's new price, in force from {@code effectiveFrom} (absent: now; never in the past) until a later one.
     *
     * @param currency ISO 4217, e.g. {@code USD}
     * @param inputPerMillion per million input tokens
     * @param outputPerMillion per million output tokens
     * @param cachedInputPerMillion per million cached input tokens; absent: as input
     * @param perImage per generated image; absent for none
     * @param perAudioSecond per second of audio; absent for none
     */
    public record NewPrice(
            OffsetDateTime effectiveFrom,
            String currency,
            BigDecimal inputPerMillion,
            BigDecimal outputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal perImage,
            BigDecimal perAudioSecond) {}

    /**
     * A budget.
     *
     * @param scope {@code KEY} (a gateway key, by name) or {@code MODEL} (by catalog id); fixed once created
     * @param subject the key's name or the model's id; fixed once created
     * @param amount what may be spent per period
     * @param currency ISO 4217; only prices in this currency count against it
     * @param period {@code DAY}, {@code WEEK} or {@code MONTH} (UTC calendar periods, weeks from Monday)
     * @param version for a change: the version changed
     */
    public record BudgetBody(
            String scope, String subject, @NotNull BigDecimal amount, String currency, String period, Long version) {}
}
