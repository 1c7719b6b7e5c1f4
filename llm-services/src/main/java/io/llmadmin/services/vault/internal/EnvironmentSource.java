package io.llmadmin.services.vault.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, behind an interface so tests can hand in variables without touching the real one. An
 * empty value reads as unset.
 */
@FunctionalInterface
public interface EnvironmentSource {

    /** The raw value of a variable; empty when it is unset or empty. */
    Optional<String> variable(String name);

    /** A fixed set of variables (for tests and tools). */
    static EnvironmentSource of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name)).filter(value -> !value.isEmpty());
    }
}
