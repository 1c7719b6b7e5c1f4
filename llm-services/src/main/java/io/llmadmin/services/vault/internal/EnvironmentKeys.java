package io.llmadmin.services.vault.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The legacy module's key lookup in the environment, kept exactly: {@code API_KEY_<SERVICE>}, then
 * {@code <SERVICE>_API_KEY}, then {@code <SERVICE>_API_TOKEN}, with {@code SERVICE} upper-cased; an empty (or blank)
 * value counts as unset. A value with a comma is a list: split, trimmed, empty entries dropped, handed out round-robin
 * with one counter per service string <em>as passed</em> ({@code "OpenAI"} and {@code "openai"} count apart). A single
 * value is returned as set. A list with no non-empty entry ({@code ","}) reads as no key.
 */
final class EnvironmentKeys {

    private final EnvironmentSource environment;
    private final ConcurrentMap<String, AtomicLong> turns = new ConcurrentHashMap<>();

    EnvironmentKeys(EnvironmentSource environment) {
        this.environment = environment;
    }

    /** The names looked at for a service, in order. */
    static List<String> variableNames(String service) {
        String upper = service.toUpperCase(Locale.ROOT);
        return List.of("API_KEY_" + upper, upper + "_API_KEY", upper + "_API_TOKEN");
    }

    Optional<String> nextKey(String service) {
        Optional<String> value = variableNames(service).stream()
                .map(environment::variable)
                .flatMap(Optional::stream)
                .filter(found -> !found.isBlank())
                .findFirst();
        if (value.isEmpty() || !value.get().contains(",")) {
            return value;
        }
        List<String> keys = Arrays.stream(value.get().split(","))
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .toList();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        long turn = turns.computeIfAbsent(service, name -> new AtomicLong()).getAndIncrement();
        return Optional.of(keys.get((int) Math.floorMod(turn, (long) keys.size())));
    }
}
