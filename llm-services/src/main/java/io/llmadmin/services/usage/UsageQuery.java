package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * Which calls to sum or list: those that started in {@code [from, to)}, narrowed by each filter that is not null.
 *
 * @param modelId only calls of this model
 * @param gatewayKey only calls made with this gateway key (by name)
 * @param caller only calls of this caller ({@code gateway:<key>}, a user, {@code legacy}, ...)
 * @param outcome only calls that ended so
 */
public record UsageQuery(
        Instant from, Instant to, String modelId, String gatewayKey, String caller, UsageOutcome outcome) {

    public UsageQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    /** How calls are grouped in a summary. */
    public enum GroupBy {
        MODEL,
        KEY,
        CALLER,
        DAY,
        HOUR
    }
}
