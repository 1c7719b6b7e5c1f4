package io.llmadmin.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.ModelCatalog;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.ModelHealth;
import io.llmadmin.services.llm.ModelHealthView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class PeriodicModelProbesTest {

    private static final Map<ModelType, List<String>> ACTIVE = Map.of(
            ModelType.CHAT, List.of("gone", "chat-a"),
            ModelType.EMBEDDING, List.of("embed-a"),
            ModelType.IMAGE, List.of("sdxl"));

    private final List<String> probed = new CopyOnWriteArrayList<>();

    private final ModelCatalog catalog = new ModelCatalog() {
        @Override
        public List<CatalogEntry> activeModels(ModelType type) {
            return ACTIVE.getOrDefault(type, List.of()).stream()
                    .map(id -> new CatalogEntry(id, type, id, "", 0, "", 0))
                    .toList();
        }

        @Override
        public Optional<CatalogEntry> activeModel(String catalogId) {
            return Optional.empty();
        }

        @Override
        public void invalidate() {}
    };

    private final ModelHealth health = new ModelHealth() {
        @Override
        public ModelHealthView probe(String catalogId) {
            probed.add(catalogId);
            if (catalogId.equals("gone")) {
                throw new LlmNotFoundException("No active model 'gone'", null);
            }
            return new ModelHealthView(catalogId, "UP", 1, null, Instant.EPOCH);
        }

        @Override
        public List<ModelHealthView> lastProbes() {
            return List.of();
        }
    };

    @Test
    void should_probe_every_active_chat_and_embedding_model_even_when_one_probe_fails() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            PeriodicModelProbes probes = new PeriodicModelProbes(catalog, health, executor, 0);

            probes.probeAll();

            assertThat(probed).containsExactly("gone", "chat-a", "embed-a");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_schedule_nothing_when_the_interval_is_zero() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            PeriodicModelProbes probes = new PeriodicModelProbes(catalog, health, executor, 0);

            probes.start();
            probes.stop();

            assertThat(executor.shutdownNow()).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void should_probe_only_the_models_the_setting_names_by_id_or_prefix() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            PeriodicModelProbes probes = new PeriodicModelProbes(catalog, health, executor, 0, "embed-a, chat-*");

            probes.probeAll();

            assertThat(probed).containsExactly("chat-a", "embed-a");
        } finally {
            executor.shutdownNow();
        }
    }
}
