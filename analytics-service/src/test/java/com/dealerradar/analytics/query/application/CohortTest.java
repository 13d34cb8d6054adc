package com.dealerradar.analytics.query.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.query.application.Cohort.Span;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CohortTest {

    @Test
    void wholeMonthsComeFromMonthRollupsAndTheEndsFromDays() {
        Cohort cohort = new Cohort(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-04-10"));
        assertThat(cohort.wholeMonths()).contains(new Span("2026-02", "2026-03"));
        assertThat(cohort.partialDays()).containsExactly(new Span("2026-01-15", "2026-01-31"),
                new Span("2026-04-01", "2026-04-10"));
    }

    @Test
    void aCohortOfWholeMonthsReadsNoDays() {
        Cohort november = new Cohort(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        assertThat(november.wholeMonths()).contains(new Span("2026-11", "2026-11"));
        assertThat(november.partialDays()).isEmpty();
        assertThat(new Cohort(null, null).wholeMonths()).contains(new Span(null, null));
        assertThat(new Cohort(null, null).partialDays()).isEmpty();
    }

    @Test
    void aCohortInsideOneMonthOrAcrossTwoPartialOnesReadsOnlyDays() {
        Cohort days = new Cohort(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01"));
        assertThat(days.wholeMonths()).isEmpty();
        assertThat(days.partialDays()).containsExactly(new Span("2026-10-31", "2026-11-01"));
        Cohort open = new Cohort(null, LocalDate.parse("2026-11-15"));
        assertThat(open.wholeMonths()).contains(new Span(null, "2026-10"));
        assertThat(open.partialDays()).containsExactly(new Span("2026-11-01", "2026-11-15"));
    }
}
