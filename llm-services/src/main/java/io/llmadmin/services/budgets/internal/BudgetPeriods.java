package io.llmadmin.services.budgets.internal;

import io.llmadmin.domain.usage.Budget;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Budget periods are calendar periods in UTC, so every instance (and the console) agrees on when one starts. */
final class BudgetPeriods {

    private BudgetPeriods() {}

    static Instant start(Budget.Period period, Instant now) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant end(Budget.Period period, Instant start) {
        var day = start.atZone(ZoneOffset.UTC);
        return switch (period) {
            case DAY -> day.plusDays(1).toInstant();
            case WEEK -> day.plusWeeks(1).toInstant();
            case MONTH -> day.plusMonths(1).toInstant();
        };
    }
}
