package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.registry.ModelQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ModelsViewTest {

    @Test
    void should_ask_the_registry_for_the_table_page_with_its_filters_and_sort_when_the_table_loads() {
        // given
        ModelsView view = new ModelsView(null, null);
        view.setType("image");
        view.getState().setQ("  flux ");
        SortMeta byName = SortMeta.builder()
                .field("displayName")
                .order(SortOrder.DESCENDING)
                .build();

        // when
        ModelQuery query = view.query(40, 20, Map.of("displayName", byName));

        // then
        assertThat(query.type()).isEqualTo(ModelType.IMAGE);
        assertThat(query.text()).isEqualTo("flux");
        assertThat(query.sortField()).isEqualTo("displayName");
        assertThat(query.descending()).isTrue();
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(20);
    }

    @Test
    void should_list_every_type_in_the_registry_order_when_no_filter_or_sort_is_set() {
        ModelQuery query = new ModelsView(null, null).query(0, 50, Map.of());

        assertThat(query.type()).isNull();
        assertThat(query.text()).isNull();
        assertThat(query.sortField()).isEqualTo("sortOrder");
        assertThat(query.descending()).isFalse();
    }
}
