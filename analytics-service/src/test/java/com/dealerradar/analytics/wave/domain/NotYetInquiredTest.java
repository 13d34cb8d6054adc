package com.dealerradar.analytics.wave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotYetInquiredTest {

    private static final Wave CASE_B = new Wave("POWER_UTILITY", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30),
            List.of(new RegionInquiries("Chifeng", 2, 20, List.of(), 0), new RegionInquiries("Ulanqab", 2, 16, List.of(), 0)),
            4, 36);

    @Test
    void regionsThatKnowTheIndustryButHaveNotInquiredMostDealsFirst() {
        List<RegionHistory> history = List.of(
                new RegionHistory("Chifeng", 5, 2),      // inquired now: not listed
                new RegionHistory("Tongliao", 3, 1),
                new RegionHistory("Hulunbuir", 0, 0),    // nothing from the industry: no peers there
                new RegionHistory("Ordos", 0, 2),        // deals without leads (leads captured earlier still count)
                new RegionHistory("Wuhai", 4, 0));
        assertThat(NotYetInquired.of(history, Set.of("Chifeng", "Ulanqab"))).containsExactly(
                new RegionHistory("Ordos", 0, 2), new RegionHistory("Tongliao", 3, 1), new RegionHistory("Wuhai", 4, 0));
    }

    @Test
    void aWaveConcernsTheRegionsThatInquiredAndThoseNotYetReached() {
        List<RegionHistory> quiet = List.of(new RegionHistory("Tongliao", 3, 1));
        assertThat(NotYetInquired.affects(CASE_B, quiet, "Chifeng")).isTrue();
        assertThat(NotYetInquired.affects(CASE_B, quiet, "Tongliao")).isTrue();
        assertThat(NotYetInquired.affects(CASE_B, quiet, "Baotou")).isFalse();
    }

    @Test
    void pastDealsAddUpByMonthOfYear() {
        // 2024: 3 deals in December, 1 in November (14 vehicles); 2025: 2 in December (12 vehicles)
        PastDeals past = PastDeals.none(List.of(2023, 2024, 2025))
                .plus(Map.of("12", 3L, "11", 1L), 14)
                .plus(Map.of("12", 2L), 12);
        assertThat(past.dealsByMonth()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 5L);
        assertThat(past.vehiclesSold()).isEqualTo(26);
        assertThat(past.years()).containsExactly(2023, 2024, 2025);
    }
}
