package io.llmadmin.services.legacycalls;

import java.time.Instant;
import java.util.Objects;

/**
 * How often one class called one legacy function, and when it last did.
 *
 * @param function the legacy function as the Python module named it ({@code get_api_key},
 *     {@code LiteLLMChatWrapper.unified_call}, ...)
 * @param callerClass the fully qualified name of the class that called the facade
 * @param calls how many calls since the process started
 * @param lastSeen when the last of them was made
 */
public record LegacyCallCount(String function, String callerClass, long calls, Instant lastSeen) {

    public LegacyCallCount {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(callerClass, "callerClass");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
