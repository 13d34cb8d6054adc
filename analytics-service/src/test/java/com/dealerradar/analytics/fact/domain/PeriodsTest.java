package com.dealerradar.analytics.fact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void aWholeYearIsOneCell() {
        assertThat(Periods.cover(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))).containsExactly("2026");
    }

    @Test
    void wholeMonthsAreMonthCellsAndTheEndsAreDays() {
        assertThat(Periods.cover(LocalDate.parse("2026-01-30"), LocalDate.parse("2026-04-02")))
                .containsExactly("2026-01-30", "2026-01-31", "2026-02", "2026-03", "2026-04-01", "2026-04-02");
        assertThat(Periods.cover(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))).containsExactly("2026-11");
    }

    @Test
    void yearsMonthsAndDaysMixAcrossYears() {
        assertThat(Periods.cover(LocalDate.parse("2025-12-31"), LocalDate.parse("2027-02-28")))
                .containsExactly("2025-12-31", "2026", "2027-01", "2027-02");
    }

    @Test
    void aParentHoldsItsPeriodsOneLevelDown() {
        assertThat(Periods.inside("2026")).hasSize(12).startsWith("2026-01").endsWith("2026-12");
        assertThat(Periods.inside("2026-02")).hasSize(28).startsWith("2026-02-01").endsWith("2026-02-28");
        assertThat(Periods.inside("2026-02-03")).isEmpty();
    }
}
