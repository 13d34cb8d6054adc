package com.dealerradar.analytics.query.application;

import com.dealerradar.platform.web.ApiProblem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;

/** The leads captured from {@code from} to {@code to}, both inclusive, by their day in the group's zone. */
public record Cohort(LocalDate from, LocalDate to) {

    /** A range of rollup keys ({@code YYYY-MM-DD} days or {@code YYYY-MM} months), inclusive; null is open. */
    public record Span(String first, String last) {

        public Criteria narrow(Criteria criteria) {
            if (first == null && last == null) {
                return criteria;
            }
            Criteria day = criteria.and("day");
            if (first != null) {
                day = day.gte(first);
            }
            if (last != null) {
                day = day.lte(last);
            }
            return day;
        }
    }

    public Cohort {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
    }

    /** The whole months inside the cohort, read from month rollups; empty when there is none. */
    public Optional<Span> wholeMonths() {
        YearMonth first = from == null ? null : from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth last = to == null ? null : to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        if (first != null && last != null && first.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(new Span(first == null ? null : first.toString(), last == null ? null : last.toString()));
    }

    /** The days outside whole months (a partial month at either end), read from day rollups. */
    public List<Span> partialDays() {
        if (wholeMonths().isEmpty()) {
            return List.of(new Span(from.toString(), to.toString()));
        }
        List<Span> days = new ArrayList<>();
        if (from != null && from.getDayOfMonth() != 1) {
            days.add(new Span(from.toString(), YearMonth.from(from).atEndOfMonth().toString()));
        }
        if (to != null && !to.equals(YearMonth.from(to).atEndOfMonth())) {
            days.add(new Span(YearMonth.from(to).atDay(1).toString(), to.toString()));
        }
        return days;
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
