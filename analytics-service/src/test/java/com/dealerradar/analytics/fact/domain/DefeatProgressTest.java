package com.dealerradar.analytics.fact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DefeatProgressTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-11-06T02:00:00Z");

    @Test
    void aDefeatsEventsApplyOnceEachInOrder() {
        DefeatProgress afterReport = DefeatProgress.NONE.after("d1", 1, MONDAY);
        assertThat(DefeatProgress.NONE.accepts("d1", 1, MONDAY)).isTrue();
        assertThat(afterReport.accepts("d1", 1, MONDAY)).as("the same event again").isFalse();
        assertThat(afterReport.accepts("d1", 2, MONDAY.plusSeconds(60))).isTrue();
        assertThat(afterReport.after("d1", 2, MONDAY.plusSeconds(60)).since()).isEqualTo(MONDAY);
    }

    @Test
    void aLaterDefeatOfTheLeadAppliesAndLateEventsOfTheEarlierOneDoNot() {
        DefeatProgress second = DefeatProgress.NONE.after("d1", 1, MONDAY).after("d1", 3, MONDAY).after("d2", 1, FRIDAY);
        assertThat(second.since()).isEqualTo(FRIDAY);
        assertThat(second.accepts("d1", 3, MONDAY.plusSeconds(3600))).isFalse();
        assertThat(second.accepts("d2", 2, FRIDAY.plusSeconds(60))).isTrue();
        assertThat(second.accepts("d3", 1, FRIDAY.plusSeconds(86_400))).isTrue();
    }
}
