package io.llmadmin.web.admin;

import io.llmadmin.services.changes.Page;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as the admin API answers it.
 *
 * @param items this page's items
 * @param page the zero-based page number
 * @param size the page size
 * @param totalItems the number of items in the whole list
 * @param totalPages the number of pages
 */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
        return new PageResponse<>(
                page.items().stream().<T>map(mapper).toList(),
                page.page(),
                page.size(),
                page.totalItems(),
                page.totalPages());
    }
}
