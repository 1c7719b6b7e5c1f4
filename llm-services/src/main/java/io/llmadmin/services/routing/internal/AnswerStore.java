package io.llmadmin.services.routing.internal;

import java.time.Duration;
import java.util.Optional;

/** Where kept answers live: this instance's memory, or Redis for every instance. Keys are hashes, values JSON. */
interface AnswerStore extends AutoCloseable {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Where the answers live, for the log (never a password). */
    String where();

    @Override
    default void close() {}
}
