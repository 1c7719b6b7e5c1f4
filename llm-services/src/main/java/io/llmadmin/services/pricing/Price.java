package io.llmadmin.services.pricing;

import io.llmadmin.domain.usage.ModelPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * A model's prices from {@code effectiveFrom} on.
 *
 * @param id the price row's id
 * @param modelId the model's catalog id
 * @param effectiveFrom from when it applies (until a later row's {@code effectiveFrom})
 * @param currency an ISO 4217 code, upper case
 * @param inputPerMillion per million input tokens
 * @param outputPerMillion per million output tokens
 * @param cachedInputPerMillion per million cached input tokens, or null (then cached tokens cost as input)
 * @param perImage per generated image, or null
 * @param perAudioSecond per second of audio, or null
 * @param createdBy who saved it
 */
public record Price(
        long id,
        String modelId,
        Instant effectiveFrom,
        String currency,
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal perImage,
        BigDecimal perAudioSecond,
        String createdBy) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static Price of(ModelPrice row) {
        return new Price(
                row.id(),
                row.modelId(),
                row.effectiveFrom().toInstant(),
                row.currency(),
                row.inputPerMillion(),
                row.outputPerMillion(),
                row.cachedInputPerMillion(),
                row.perImage(),
                row.perAudioSecond(),
                row.createdBy());
    }

    /**
     * What a call with these token counts costs; exact (no rounding beyond 34 significant digits).
     *
     * @param inputTokens prompt tokens, cached ones included
     * @param outputTokens completion tokens
     * @param cachedInputTokens of the prompt tokens, those the provider served from its cache
     */
    public BigDecimal cost(long inputTokens, long outputTokens, long cachedInputTokens) {
        long cached = Math.max(0, Math.min(cachedInputTokens, inputTokens));
        BigDecimal cachedRate = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        BigDecimal total = inputPerMillion
                .multiply(BigDecimal.valueOf(Math.max(0, inputTokens - cached)))
                .add(cachedRate.multiply(BigDecimal.valueOf(cached)))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(Math.max(0, outputTokens))));
        return total.divide(MILLION, MathContext.DECIMAL128).stripTrailingZeros();
    }
}
