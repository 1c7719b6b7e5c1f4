package io.llmadmin.services.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachingModelCatalogTest {

    private final List<CatalogEntry> stored = new ArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final Supplier<List<CatalogEntry>> database = () -> {
        loads.incrementAndGet();
        return List.copyOf(stored);
    };
    private final MutableClock clock = new MutableClock();

    private static CatalogEntry chat(String id, int order) {
        return new CatalogEntry(id, ModelType.CHAT, id.toUpperCase(), "d", 1000, "Google", order);
    }

    @Test
    void should_serve_from_memory_when_the_snapshot_is_fresh() {
        stored.add(chat("a", 10));
        CachingModelCatalog catalog = new CachingModelCatalog(database, Duration.ofSeconds(1800), clock);

        catalog.activeModels(ModelType.CHAT);
        catalog.activeModels(ModelType.IMAGE);
        catalog.activeModel("a");

        assertThat(loads).hasValue(1);
    }

    @Test
    void should_show_a_change_at_once_when_invalidated() {
        stored.add(chat("a", 10));
        CachingModelCatalog catalog = new CachingModelCatalog(database, Duration.ofSeconds(1800), clock);
        assertThat(catalog.activeModels(ModelType.CHAT))
                .extracting(CatalogEntry::id)
                .containsExactly("a");

        stored.add(chat("b", 20));
        catalog.invalidate();

        assertThat(catalog.activeModels(ModelType.CHAT))
                .extracting(CatalogEntry::id)
                .containsExactly("a", "b");
    }

    @Test
    void should_reload_when_the_snapshot_is_older_than_the_timeout() {
        stored.add(chat("a", 10));
        CachingModelCatalog catalog = new CachingModelCatalog(database, Duration.ofSeconds(1800), clock);
        catalog.activeModels(ModelType.CHAT);
        stored.add(chat("b", 20));

        clock.advance(Duration.ofSeconds(1799));
        assertThat(catalog.activeModels(ModelType.CHAT)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(catalog.activeModels(ModelType.CHAT)).hasSize(2);
    }

    @Test
    void should_not_keep_a_snapshot_loaded_while_a_change_was_committed() {
        stored.add(chat("a", 10));
        CachingModelCatalog[] holder = new CachingModelCatalog[1];
        AtomicInteger racingLoads = new AtomicInteger();
        Supplier<List<CatalogEntry>> racingDatabase = () -> {
            List<CatalogEntry> read = List.copyOf(stored);
            if (racingLoads.incrementAndGet() == 1) {
                // another request commits a new model (and invalidates) after this load has read the rows
                stored.add(chat("b", 20));
                holder[0].invalidate();
            }
            return read;
        };
        holder[0] = new CachingModelCatalog(racingDatabase, Duration.ofSeconds(1800), clock);

        assertThat(holder[0].activeModels(ModelType.CHAT)).hasSize(1);

        assertThat(holder[0].activeModels(ModelType.CHAT))
                .extracting(CatalogEntry::id)
                .containsExactly("a", "b");
    }

    @Test
    void should_list_nothing_for_a_type_without_models() {
        stored.add(chat("a", 10));
        CachingModelCatalog catalog = new CachingModelCatalog(database, Duration.ofSeconds(60), clock);

        assertThat(catalog.activeModels(ModelType.SPEECH)).isEmpty();
        assertThat(catalog.activeModel("missing")).isEmpty();
    }

    @Test
    void should_pass_every_invalidation_on_to_the_other_holders_of_models() {
        AtomicInteger passedOn = new AtomicInteger();
        CachingModelCatalog catalog =
                new CachingModelCatalog(database, Duration.ofSeconds(1800), clock, passedOn::incrementAndGet);

        catalog.invalidate();
        catalog.invalidate();

        assertThat(passedOn).hasValue(2);
    }
}
