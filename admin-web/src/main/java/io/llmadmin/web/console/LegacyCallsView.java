package io.llmadmin.web.console;

import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallHistory;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The migration page's first section: who still calls the legacy facade ({@link LegacyCallHistory}: every instance,
 * every restart), one row per legacy function and calling class. View scoped so that sorting the table keeps the rows
 * it was shown.
 */
@Named("legacyCalls")
@ViewScoped
public class LegacyCallsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** ISO-like local time with the zone's short name, e.g. {@code 2026-03-14 09:26:53 CET}. */
    static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final LegacyCallHistory history;
    private List<CallSite> rows;

    @Inject
    public LegacyCallsView(LegacyCallHistory history) {
        this.history = history;
    }

    /** For the CDI proxy only. */
    protected LegacyCallsView() {
        this(null);
    }

    public List<CallSite> getRows() {
        if (rows == null) {
            rows = rowsOf(history.callSites(), ZoneId.systemDefault());
        }
        return rows;
    }

    /** Reads the calls again. */
    public void refresh() {
        rows = null;
    }

    public boolean isStillCalled() {
        return !getRows().isEmpty();
    }

    public long getTotalCalls() {
        return getRows().stream().mapToLong(CallSite::getCalls).sum();
    }

    public long getCallers() {
        return getRows().stream().map(CallSite::getCallerClass).distinct().count();
    }

    /** When the facade was last called by anyone, or an empty text when never. */
    public String getLastCallText() {
        return getRows().stream()
                .map(CallSite::getLastSeen)
                .max(Instant::compareTo)
                .map(last -> LAST_SEEN.format(last.atZone(ZoneId.systemDefault())))
                .orElse("");
    }

    static List<CallSite> rowsOf(List<LegacyCallCount> counts, ZoneId zone) {
        return counts.stream()
                .map(count -> new CallSite(
                        count.function(),
                        count.callerClass(),
                        count.calls(),
                        count.lastSeen(),
                        LAST_SEEN.format(count.lastSeen().atZone(zone))))
                .toList();
    }

    /** One row: a legacy function, a class calling it, how often, and when last. */
    public static final class CallSite implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String function;
        private final String callerClass;
        private final long calls;
        private final Instant lastSeen;
        private final String lastSeenText;

        CallSite(String function, String callerClass, long calls, Instant lastSeen, String lastSeenText) {
            this.function = function;
            this.callerClass = callerClass;
            this.calls = calls;
            this.lastSeen = lastSeen;
            this.lastSeenText = lastSeenText;
        }

        public String getFunction() {
            return function;
        }

        public String getCallerClass() {
            return callerClass;
        }

        public long getCalls() {
            return calls;
        }

        /** For sorting: the instant, not its text. */
        public Instant getLastSeen() {
            return lastSeen;
        }

        public String getLastSeenText() {
            return lastSeenText;
        }
    }
}
