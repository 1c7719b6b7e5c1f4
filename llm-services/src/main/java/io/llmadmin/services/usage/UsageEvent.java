package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.domain.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One LLM call to count. Checked when created, so a bad value fails at the caller and never in the background batch.
 *
 * @param modelId the catalog id of the model called (1 to 100 characters)
 * @param caller who called: a user, an API client, {@code "legacy"} (1 to 200 characters); never a key
 * @param tokensIn prompt tokens, >= 0
 * @param tokensOut completion tokens, >= 0
 * @param tokensEstimated true when the counts are our estimate, false when the provider reported them
 * @param latencyMillis from the request to its last token, >= 0
 * @param outcome how the call ended
 * @param occurredAt when the call started (between 1970 and 9999)
 * @param cost what the call cost at the model's price then, >= 0, or null when the model had no price
 * @param currency the cost's currency (three letters), null exactly when the cost is
 * @param gatewayKey the name of the gateway key it came through, or null
 * @param tokensCached of {@code tokensIn}, those the provider read from its prompt cache, 0 to {@code tokensIn}
 * @param payload the call's prompt and answer, kept with its row; null unless its model logs payloads
 */
public record UsageEvent(
        String modelId,
        String caller,
        int tokensIn,
        int tokensOut,
        boolean tokensEstimated,
        long latencyMillis,
        UsageOutcome outcome,
        Instant occurredAt,
        BigDecimal cost,
        String currency,
        String gatewayKey,
        int tokensCached,
        CallPayload payload) {

    /** A call without cached input tokens. */
    public UsageEvent(
            String modelId,
            String caller,
            int tokensIn,
            int tokensOut,
            boolean tokensEstimated,
            long latencyMillis,
            UsageOutcome outcome,
            Instant occurredAt,
            BigDecimal cost,
            String currency,
            String gatewayKey) {
        this(
                modelId,
                caller,
                tokensIn,
                tokensOut,
                tokensEstimated,
                latencyMillis,
                outcome,
                occurredAt,
                cost,
                currency,
                gatewayKey,
                0,
                null);
    }

    public UsageEvent {
        requireText(modelId, "modelId", UsageRecord.MAX_MODEL_ID_LENGTH);
        requireText(caller, "caller", UsageRecord.MAX_CALLER_LENGTH);
        if (tokensIn < 0) {
            throw new IllegalArgumentException("tokensIn must be >= 0");
        }
        if (tokensOut < 0) {
            throw new IllegalArgumentException("tokensOut must be >= 0");
        }
        if (tokensCached < 0 || tokensCached > tokensIn) {
            throw new IllegalArgumentException("tokensCached must be 0 to tokensIn");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0");
        }
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (occurredAt.isBefore(Instant.EPOCH) || occurredAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("occurredAt must be between 1970 and 9999");
        }
        if ((cost == null) != (currency == null)) {
            throw new IllegalArgumentException("cost and currency go together");
        }
        if (cost != null && cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be three capital letters");
        }
        if (gatewayKey != null) {
            requireText(gatewayKey, "gatewayKey", 100);
        }
    }

    private static final String GATEWAY_CALLER = "gateway:";

    /** The gateway key's name in a caller of the gateway ({@code gateway:<key name>}), else null. */
    public static String gatewayKeyOf(String caller) {
        if (caller == null || !caller.startsWith(GATEWAY_CALLER) || caller.length() == GATEWAY_CALLER.length()) {
            return null;
        }
        String name = caller.substring(GATEWAY_CALLER.length());
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A call that started {@code latencyMillis} ago and ends now; the one place a caller builds an event, so its
     * fields are listed once.
     */
    public static UsageEvent endingNow(
            String modelId,
            String caller,
            int tokensIn,
            int tokensOut,
            boolean tokensEstimated,
            long latencyMillis,
            UsageOutcome outcome,
            BigDecimal cost,
            String currency,
            String gatewayKey) {
        return new UsageEvent(
                modelId,
                caller,
                tokensIn,
                tokensOut,
                tokensEstimated,
                latencyMillis,
                outcome,
                Instant.now().minusMillis(Math.max(0, latencyMillis)),
                cost,
                currency,
                gatewayKey,
                0,
                null);
    }

    /** This call with the input tokens the provider read from its prompt cache. */
    public UsageEvent withTokensCached(int cached) {
        return new UsageEvent(
                modelId,
                caller,
                tokensIn,
                tokensOut,
                tokensEstimated,
                latencyMillis,
                outcome,
                occurredAt,
                cost,
                currency,
                gatewayKey,
                cached,
                payload);
    }

    /** This call with its prompt and answer to keep (null: none). */
    public UsageEvent withPayload(CallPayload kept) {
        return new UsageEvent(
                modelId,
                caller,
                tokensIn,
                tokensOut,
                tokensEstimated,
                latencyMillis,
                outcome,
                occurredAt,
                cost,
                currency,
                gatewayKey,
                tokensCached,
                kept);
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            // PostgreSQL refuses NUL in text; a record the database refuses must never reach the batch.
            throw new IllegalArgumentException(name + " must not contain control characters");
        }
    }
}
