package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import io.llmadmin.legacy.Models;
import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facade counts each legacy function per calling class, with the last time it was seen. */
@SuppressWarnings("removal")
class LegacyCallCountingTest {

    private static Optional<LegacyCallCount> count(String function) {
        return LegacyCallCounts.snapshot().stream()
                .filter(count -> count.function().equals(function))
                .filter(count -> count.callerClass().equals(LegacyCallCountingTest.class.getName()))
                .findFirst();
    }

    @Test
    void should_count_calls_against_the_calling_class_and_remember_when() {
        long before = count("approximate_tokens").map(LegacyCallCount::calls).orElse(0L);
        Instant start = Instant.now().minusMillis(5);

        Models.approximateTokens("one");
        Models.approximateTokens("two");
        Models.turnOffLogging();

        LegacyCallCount counted = count("approximate_tokens").orElseThrow();
        assertThat(counted.calls()).isEqualTo(before + 2);
        assertThat(counted.lastSeen()).isAfterOrEqualTo(start);
        assertThat(count("turn_off_logging")).isPresent();
    }

    @Test
    void should_count_building_a_model_config_and_parsing_a_model_type() {
        long before = count("ModelConfig").map(LegacyCallCount::calls).orElse(0L);

        new ModelConfig(ModelType.fromValue("Chat"), "openai", "gpt-4o");

        assertThat(count("ModelConfig").orElseThrow().calls()).isEqualTo(before + 1);
        assertThat(count("ModelType")).isPresent();
    }
}
