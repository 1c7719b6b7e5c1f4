package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogInvalidated;
import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JpaModelDirectoryTest {

    private final Map<String, ModelConfiguration> active = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<ModelConfiguration>> database = id -> {
        reads.incrementAndGet();
        return Optional.ofNullable(active.get(id));
    };
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger legacyReads = new AtomicInteger();
    private final Function<JpaModelDirectory.ProviderModel, List<ModelConfiguration>> byProviderModel = key -> {
        legacyReads.incrementAndGet();
        return active.values().stream()
                .filter(m -> m.provider().equalsIgnoreCase(key.provider())
                        && m.providerModelName().equals(key.name()))
                .toList();
    };
    private final JpaModelDirectory directory = new JpaModelDirectory(database, byProviderModel, clock);

    private static ModelConfiguration chat(String id, String providerModelName) {
        return new ModelConfiguration(id, ModelType.CHAT, "openai", providerModelName, "GPT");
    }

    @Test
    void should_read_a_model_once_and_then_serve_it_from_memory() {
        active.put("gpt", chat("gpt", "gpt-4o"));

        directory.find("gpt");
        directory.find("gpt");

        assertThat(directory.find("gpt"))
                .map(ModelConfiguration::providerModelName)
                .hasValue("gpt-4o");
        assertThat(reads).hasValue(1);
    }

    @Test
    void should_see_a_change_and_a_deactivation_at_once_when_the_catalog_is_invalidated() {
        active.put("gpt", chat("gpt", "gpt-4o"));
        directory.find("gpt");

        active.put("gpt", chat("gpt", "gpt-4.1"));
        directory.invalidate(new CatalogInvalidated());
        assertThat(directory.find("gpt"))
                .map(ModelConfiguration::providerModelName)
                .hasValue("gpt-4.1");

        active.remove("gpt");
        directory.invalidate(new CatalogInvalidated());
        assertThat(directory.find("gpt")).isEmpty();
    }

    @Test
    void should_read_again_after_its_maximum_age_without_an_invalidation() {
        active.put("gpt", chat("gpt", "gpt-4o"));
        directory.find("gpt");
        active.remove("gpt");

        clock.advance(JpaModelDirectory.MAX_AGE.minus(Duration.ofSeconds(1)));
        assertThat(directory.find("gpt")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(directory.find("gpt")).isEmpty();
    }

    @Test
    void should_not_keep_unknown_names() {
        directory.find("made-up");
        directory.find("made-up");

        assertThat(reads).hasValue(2);
    }

    @Test
    void should_not_keep_a_read_that_overlapped_an_invalidation() {
        active.put("gpt", chat("gpt", "gpt-4o"));
        JpaModelDirectory[] holder = new JpaModelDirectory[1];
        holder[0] = new JpaModelDirectory(
                id -> {
                    reads.incrementAndGet();
                    Optional<ModelConfiguration> stale = Optional.ofNullable(active.get(id));
                    // the change commits and is announced while this read is on its way back
                    active.put("gpt", chat("gpt", "gpt-4.1"));
                    holder[0].invalidate(new CatalogInvalidated());
                    return stale;
                },
                byProviderModel,
                clock);

        assertThat(holder[0].find("gpt"))
                .map(ModelConfiguration::providerModelName)
                .hasValue("gpt-4o");
        assertThat(holder[0].find("gpt"))
                .map(ModelConfiguration::providerModelName)
                .hasValue("gpt-4.1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void should_answer_the_legacy_lookup_from_memory_until_the_catalog_changes() {
        active.put("gpt", chat("gpt", "gpt-4o"));

        assertThat(directory.findByProviderModel("OpenAI", "gpt-4o"))
                .extracting(ModelConfiguration::catalogId)
                .containsExactly("gpt");
        directory.findByProviderModel("openai", "gpt-4o");
        assertThat(legacyReads).hasValue(1);

        active.remove("gpt");
        directory.invalidate(new CatalogInvalidated());
        assertThat(directory.findByProviderModel("openai", "gpt-4o")).isEmpty();
        assertThat(legacyReads).hasValue(2);
    }

    @Test
    void should_remember_that_a_legacy_lookup_found_nothing_but_only_for_so_long() {
        directory.findByProviderModel("openai", "not-registered");
        directory.findByProviderModel("openai", "not-registered");
        assertThat(legacyReads).hasValue(1);

        active.put("gpt", chat("gpt", "not-registered"));
        clock.advance(JpaModelDirectory.MAX_AGE);
        assertThat(directory.findByProviderModel("openai", "not-registered")).hasSize(1);
    }
}
