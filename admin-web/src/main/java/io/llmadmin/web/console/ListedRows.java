package io.llmadmin.web.console;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of a list held in memory (the gateway keys, the users) as its table shows them: read and filtered by the
 * URL state's text once, then kept, since the table sorts that very list in place, until a change is made or the text
 * to find changes.
 *
 * @param <T> a row
 */
final class ListedRows<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ListUrlState state;
    private List<T> shown;

    ListedRows(ListUrlState state) {
        this.state = state;
    }

    /** The rows shown: those {@code read} gives whose {@code text} holds the text to find. */
    List<T> shown(Supplier<List<T>> read, Function<T, String> text) {
        if (shown == null) {
            shown = state.filter(read.get(), text);
        }
        return shown;
    }

    /** Something changed: the rows are read again when the table next asks. */
    void readAgain() {
        shown = null;
    }

    /** The text to find changed: the rows are read again, from the first page. */
    void filtered() {
        shown = null;
        state.filtered();
    }
}
