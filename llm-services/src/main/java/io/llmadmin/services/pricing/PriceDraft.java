package io.llmadmin.services.pricing;

import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A price to save, as an admin typed it.
 *
 * @param effectiveFrom from when it applies; null means now. It may not lie in the past, so a saved price never
 *     changes what a call already made cost.
 * @param currency an ISO 4217 code (three letters)
 * @param inputPerMillion per million input tokens, >= 0
 * @param outputPerMillion per million output tokens, >= 0
 * @param cachedInputPerMillion per million cached input tokens, >= 0, or null
 * @param perImage per image, >= 0, or null
 * @param perAudioSecond per audio second, >= 0, or null
 */
public record PriceDraft(
        Instant effectiveFrom,
        String currency,
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal perImage,
        BigDecimal perAudioSecond) {

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** The column holds 12 digits before the point and 8 after. */
    private static final BigDecimal MOST = new BigDecimal("999999999999");

    /**
     * The field errors of this draft, checked against {@code now} (a moment a little in the past is taken as now: the
     * clocks of a browser and the server differ).
     *
     * @throws InvalidChangeException naming every wrong field
     */
    public void check(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            errors.add(new FieldError("currency", "must be a three-letter ISO 4217 code such as USD"));
        }
        amount(errors, "inputPerMillion", inputPerMillion, true);
        amount(errors, "outputPerMillion", outputPerMillion, true);
        amount(errors, "cachedInputPerMillion", cachedInputPerMillion, false);
        amount(errors, "perImage", perImage, false);
        amount(errors, "perAudioSecond", perAudioSecond, false);
        if (effectiveFrom != null && effectiveFrom.isBefore(now.minusSeconds(60))) {
            errors.add(new FieldError("effectiveFrom", "must not lie in the past: calls made keep their price"));
        } else if (effectiveFrom != null && effectiveFrom.isAfter(LATEST)) {
            errors.add(new FieldError("effectiveFrom", "must be before the year 10000"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }

    private static void amount(List<FieldError> errors, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.signum() < 0 || value.compareTo(MOST) > 0) {
            errors.add(new FieldError(field, "must be between 0 and " + MOST.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 8) {
            errors.add(new FieldError(field, "must have at most 8 decimal places"));
        }
    }
}
