package io.llmadmin.services.usage.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code [from, to)} into the pieces each level of usage sums reads: the whole UTC days inside it from the daily
 * rollups, the whole hours left at either end from the hourly ones, and the parts of an hour at the very ends from the
 * raw rows. The pieces do not overlap and cover the range exactly, so the sum over them is exact; a month costs a
 * month of daily rows plus at most two days of hourly rows and two hours of raw rows.
 */
final class UsageRanges {

    /** Where a piece is read from. */
    enum Level {
        DAY,
        HOUR,
        RAW
    }

    /** One piece, {@code [from, to)}, never empty. */
    record Piece(Level level, Instant from, Instant to) {}

    private UsageRanges() {}

    /**
     * The pieces of {@code [from, to)} in time order.
     *
     * @param days false when whole days must not be read as one (grouping by hour needs the hours)
     */
    static List<Piece> split(Instant from, Instant to, boolean days) {
        List<Piece> pieces = new ArrayList<>();
        Instant dayFrom = ceil(from, ChronoUnit.DAYS);
        Instant dayTo = to.truncatedTo(ChronoUnit.DAYS);
        if (days && dayFrom.isBefore(dayTo)) {
            hours(from, dayFrom, pieces);
            pieces.add(new Piece(Level.DAY, dayFrom, dayTo));
            hours(dayTo, to, pieces);
        } else {
            hours(from, to, pieces);
        }
        return pieces;
    }

    /** The whole hours of {@code [from, to)} as one piece, the rest at either end as raw pieces. */
    private static void hours(Instant from, Instant to, List<Piece> pieces) {
        Instant hourFrom = ceil(from, ChronoUnit.HOURS);
        Instant hourTo = to.truncatedTo(ChronoUnit.HOURS);
        if (hourFrom.isBefore(hourTo)) {
            add(Level.RAW, from, hourFrom, pieces);
            pieces.add(new Piece(Level.HOUR, hourFrom, hourTo));
            add(Level.RAW, hourTo, to, pieces);
        } else {
            add(Level.RAW, from, to, pieces);
        }
    }

    private static void add(Level level, Instant from, Instant to, List<Piece> pieces) {
        if (from.isBefore(to)) {
            pieces.add(new Piece(level, from, to));
        }
    }

    private static Instant ceil(Instant moment, ChronoUnit unit) {
        Instant floor = moment.truncatedTo(unit);
        return floor.equals(moment) ? floor : floor.plus(1, unit);
    }
}
