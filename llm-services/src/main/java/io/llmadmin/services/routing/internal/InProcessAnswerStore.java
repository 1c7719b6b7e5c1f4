package io.llmadmin.services.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers in this instance's memory, at most {@code maxEntries} of them: when full, the expired ones are dropped, and
 * if none had expired a new answer is not kept (a full cache serves what it has rather than churn).
 */
final class InProcessAnswerStore implements AnswerStore {

    private record Kept(String value, Instant expiresAt) {}

    private final Map<String, Kept> answers = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    InProcessAnswerStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        Kept kept = answers.get(key);
        if (kept == null) {
            return Optional.empty();
        }
        if (!kept.expiresAt().isAfter(clock.instant())) {
            answers.remove(key, kept);
            return Optional.empty();
        }
        return Optional.of(kept.value());
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        Instant now = clock.instant();
        if (answers.size() >= maxEntries) {
            answers.values().removeIf(kept -> !kept.expiresAt().isAfter(now));
            if (answers.size() >= maxEntries) {
                return;
            }
        }
        answers.put(key, new Kept(value, now.plus(ttl)));
    }

    @Override
    public String where() {
        return "this instance's memory (at most " + maxEntries + " answers)";
    }
}
