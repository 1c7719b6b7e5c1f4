package io.llmadmin.services.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.usage.internal.UsageRanges.Level;
import io.llmadmin.services.usage.internal.UsageRanges.Piece;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The split of a usage range into whole UTC days, whole hours and raw parts of an hour. */
class UsageRangesTest {

    @Test
    void should_read_whole_days_from_days_and_the_partial_days_from_hours_and_raw_rows() {
        assertThat(UsageRanges.split(at("2026-03-01T10:17:05Z"), at("2026-03-04T02:30:00Z"), true))
                .containsExactly(
                        new Piece(Level.RAW, at("2026-03-01T10:17:05Z"), at("2026-03-01T11:00:00Z")),
                        new Piece(Level.HOUR, at("2026-03-01T11:00:00Z"), at("2026-03-02T00:00:00Z")),
                        new Piece(Level.DAY, at("2026-03-02T00:00:00Z"), at("2026-03-04T00:00:00Z")),
                        new Piece(Level.HOUR, at("2026-03-04T00:00:00Z"), at("2026-03-04T02:00:00Z")),
                        new Piece(Level.RAW, at("2026-03-04T02:00:00Z"), at("2026-03-04T02:30:00Z")));
    }

    @Test
    void should_read_a_range_on_day_boundaries_from_days_alone() {
        assertThat(UsageRanges.split(at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z"), true))
                .containsExactly(new Piece(Level.DAY, at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z")));
    }

    @Test
    void should_cut_days_in_utc_whatever_offset_the_range_was_given_in() {
        // midnight in Paris is 23:00 UTC the day before: the day from 00:00 UTC is the whole one
        Instant from = OffsetDateTime.parse("2026-03-02T00:00:00+01:00").toInstant();
        Instant to = OffsetDateTime.parse("2026-03-04T00:00:00+01:00").toInstant();
        assertThat(UsageRanges.split(from, to, true))
                .containsExactly(
                        new Piece(Level.HOUR, at("2026-03-01T23:00:00Z"), at("2026-03-02T00:00:00Z")),
                        new Piece(Level.DAY, at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z")),
                        new Piece(Level.HOUR, at("2026-03-03T00:00:00Z"), at("2026-03-03T23:00:00Z")));
    }

    @Test
    void should_use_hours_and_raw_rows_when_no_whole_day_lies_inside() {
        assertThat(UsageRanges.split(at("2026-03-01T22:10:00Z"), at("2026-03-02T23:59:59Z"), true))
                .containsExactly(
                        new Piece(Level.RAW, at("2026-03-01T22:10:00Z"), at("2026-03-01T23:00:00Z")),
                        new Piece(Level.HOUR, at("2026-03-01T23:00:00Z"), at("2026-03-02T23:00:00Z")),
                        new Piece(Level.RAW, at("2026-03-02T23:00:00Z"), at("2026-03-02T23:59:59Z")));
        assertThat(UsageRanges.split(at("2026-03-01T10:10:00Z"), at("2026-03-01T10:50:00Z"), true))
                .containsExactly(new Piece(Level.RAW, at("2026-03-01T10:10:00Z"), at("2026-03-01T10:50:00Z")));
    }

    @Test
    void should_keep_hours_when_grouping_by_hour() {
        assertThat(UsageRanges.split(at("2026-03-01T00:00:00Z"), at("2026-03-03T00:30:00Z"), false))
                .containsExactly(
                        new Piece(Level.HOUR, at("2026-03-01T00:00:00Z"), at("2026-03-03T00:00:00Z")),
                        new Piece(Level.RAW, at("2026-03-03T00:00:00Z"), at("2026-03-03T00:30:00Z")));
    }

    @Test
    void should_answer_no_piece_for_an_empty_range() {
        assertThat(UsageRanges.split(at("2026-03-01T10:00:00Z"), at("2026-03-01T10:00:00Z"), true))
                .isEmpty();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
