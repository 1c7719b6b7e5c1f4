package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ModelCooldown;
import io.llmadmin.services.llm.ModelHealthView;
import io.llmadmin.services.testsupport.Eventually;
import io.llmadmin.services.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' cool-downs sharing the real Redis, as two application servers would: a model one of them takes out of
 * rotation is out on the other at once (and on an instance that starts later), and a probe that readmits it on one
 * readmits it on the other. Keys and channel are prefixed per test run, so other users of the Redis are left alone.
 */
class SharedCooldownsTest {

    private final String prefix = "llmadmin-test:" + UUID.randomUUID() + ":models:";
    private final List<SharedModelState> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(SharedModelState::close);
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(TestRedis.requireUrl());
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private Resilience4jModelCooldowns instance(String url) {
        SharedModelState state = new SharedModelState(Optional.of(url), prefix);
        opened.add(state);
        // Two failures in a row open the breaker for one second.
        return new Resilience4jModelCooldowns(2, 60, 50, 1, state);
    }

    private static void failTwice(Resilience4jModelCooldowns cooldowns, ModelConfiguration model) {
        for (int i = 0; i < 2; i++) {
            assertThat(cooldowns.tryAcquire(model)).isTrue();
            cooldowns.failed(model, Duration.ofMillis(5), new LlmUnavailableException("down", null));
        }
    }

    @Test
    void should_take_a_model_out_of_rotation_on_every_instance_and_readmit_it_everywhere_after_one_probe() {
        String url = TestRedis.requireUrl();
        Resilience4jModelCooldowns first = instance(url);
        Resilience4jModelCooldowns second = instance(url);
        ModelConfiguration model = ProviderWire.OPENAI.model("shared-" + UUID.randomUUID(), "http://127.0.0.1:9");

        failTwice(first, model);

        Eventually.until(
                "the second instance sees the cool-down",
                () -> second.current().stream()
                        .anyMatch(cooldown -> cooldown.modelId().equals(model.catalogId())
                                && cooldown.state().equals("COOLING_DOWN")));
        assertThat(second.current())
                .extracting(ModelCooldown::failureRatePercent)
                .containsExactly(100f);
        assertThat(second.tryAcquire(model))
                .as("skipped on the instance that never called it")
                .isFalse();
        Resilience4jModelCooldowns later = instance(url);
        assertThat(later.current()).extracting(ModelCooldown::modelId).containsExactly(model.catalogId());

        Eventually.until("the cool-down is over on the first instance", () -> first.tryAcquire(model));
        first.succeeded(model, Duration.ofMillis(5));

        Eventually.until(
                "the second instance readmits it", () -> second.current().isEmpty());
        assertThat(second.tryAcquire(model)).isTrue();
    }

    @Test
    void should_show_a_probe_made_on_one_instance_on_the_other() {
        String url = TestRedis.requireUrl();
        SharedModelState first = new SharedModelState(Optional.of(url), prefix);
        SharedModelState second = new SharedModelState(Optional.of(url), prefix);
        opened.add(first);
        opened.add(second);
        ModelHealthView probe = new ModelHealthView(
                "probed-model", "DOWN", 42, "LlmUnavailableException: no", Instant.parse("2026-01-02T03:04:05Z"));

        first.probed(probe);

        assertThat(second.probes()).contains(List.of(probe));
        assertThat(SharedModelState.inProcess().probes()).isEmpty();
    }
}
