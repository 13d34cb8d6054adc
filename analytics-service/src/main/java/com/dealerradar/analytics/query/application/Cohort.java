package com.dealerradar.analytics.query.application;

import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import java.time.LocalDate;
import java.time.YearMonth;

/** The leads captured from {@code from} to {@code to}, both inclusive, by their day in the group's zone; either end may be open. */
public record Cohort(LocalDate from, LocalDate to) {

    public Cohort {
        InputBounds.queryDate("from", from);
        InputBounds.queryDate("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
    }

    /** The first month that overlaps the cohort (null when open). */
    public YearMonth firstMonth() {
        return from == null ? null : YearMonth.from(from);
    }

    /** The last month that overlaps the cohort (null when open). */
    public YearMonth lastMonth() {
        return to == null ? null : YearMonth.from(to);
    }
}
