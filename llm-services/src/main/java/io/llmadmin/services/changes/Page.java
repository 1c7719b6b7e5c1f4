package io.llmadmin.services.changes;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list.
 *
 * @param items the items of this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param totalItems how many items the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    /** How many pages the whole list has (0 when it is empty). */
    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
