package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ListUrlStateTest {

    @Test
    void should_write_the_page_filters_then_text_sort_page_and_rows_into_the_url() {
        // given
        ListUrlState state = new ListUrlState(List.of("id", "name"), Set.of(20, 50, 100));
        state.setQ("  gpt 4 ");
        state.sortedBy(Map.of(
                "name",
                SortMeta.builder().field("name").order(SortOrder.DESCENDING).build()));
        state.shown(40, 20);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("type", "chat");
        filters.put("key", null);

        // when
        String query = state.query(filters);

        // then
        assertThat(query).isEqualTo("?type=chat&q=gpt+4&sort=name&order=desc&page=3&rows=20");
        assertThat(state.getFirst()).isEqualTo(40);
    }

    @Test
    void should_fall_back_to_the_defaults_for_what_the_url_gets_wrong() {
        ListUrlState state = new ListUrlState(List.of("name"));
        state.setSort("password");
        state.setOrder("desc");
        state.setPageText("0");
        state.setRowsText("7");

        assertThat(state.query(Map.of())).isEmpty();
        assertThat(state.getFirst()).isZero();
        assertThat(state.getPageSize()).isEqualTo(ListUrlState.DEFAULT_ROWS);
        assertThat(state.getInitialSort()).isNull();

        state.setPageText(" 3 ");
        assertThat(state.getFirst()).isEqualTo(100);
        state.setPageText(String.valueOf(ListUrlState.MAX_PAGE + 1));
        assertThat(state.getFirst()).isZero();
    }

    @Test
    void should_keep_the_rows_whose_text_holds_the_text_to_find_ignoring_case() {
        ListUrlState state = new ListUrlState(List.of());
        state.setQ(" Bil ");

        assertThat(state.filter(List.of("billing", "BILLING-eu", "search"), row -> row))
                .containsExactly("billing", "BILLING-eu");
    }
}
