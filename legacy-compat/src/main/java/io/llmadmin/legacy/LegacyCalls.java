package io.llmadmin.legacy;

import io.llmadmin.services.legacycalls.LegacyCallCounts;
import java.util.Optional;

/**
 * Counts a call of a legacy function against the class that called the facade: the first frame on the stack outside
 * this package. Walks only as far as that frame, without class references, so a count costs a few microseconds.
 */
final class LegacyCalls {

    private static final String FACADE_PREFIX = "io.llmadmin.legacy.";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private LegacyCalls() {}

    /**
     * Records one call of {@code function} (its Python name).
     *
     * @return the calling class's name, for the usage record's caller
     */
    static String count(String function) {
        String caller = callerClass();
        LegacyCallCounts.processWide().record(function, caller);
        return caller;
    }

    private static String callerClass() {
        Optional<String> caller = WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.startsWith(FACADE_PREFIX))
                .findFirst());
        return caller.orElse("unknown");
    }
}
