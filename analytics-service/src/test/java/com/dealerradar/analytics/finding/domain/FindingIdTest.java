package com.dealerradar.analytics.finding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FindingIdTest {

    @Test
    void theSameFindingHasTheSameIdAndAnotherOneAnother() {
        assertThat(FindingId.missedProspect("Tongliao", "industry", "JUSTICE"))
                .isEqualTo(FindingId.missedProspect("Tongliao", "industry", "JUSTICE"))
                .isNotEqualTo(FindingId.missedProspect("Tongliao", "industry", "POWER_UTILITY"))
                .startsWith("mp-");
        assertThat(FindingId.wave("POWER_UTILITY", LocalDate.of(2026, 11, 20)))
                .isNotEqualTo(FindingId.wave("POWER_UTILITY", LocalDate.of(2026, 11, 21)))
                .startsWith("wv-");
    }
}
