package com.dealerradar.followupservice.cadence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.Plan;
import com.dealerradar.platform.problem.Violation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-02T02:05:00Z");

    @Test
    void theDefaultsAreThoseOfTheDomain() {
        assertThat(Cadence.DEFAULTS.of(Grade.H)).isEqualTo(new GradeCadence(1, 7));
        assertThat(Cadence.DEFAULTS.of(Grade.A)).isEqualTo(new GradeCadence(3, 15));
        assertThat(Cadence.DEFAULTS.of(Grade.B)).isEqualTo(new GradeCadence(7, 30));
        assertThat(Cadence.DEFAULTS.of(Grade.C)).isEqualTo(new GradeCadence(14, 90));
        assertThat(Cadence.violations(Cadence.DEFAULTS.grades())).isEmpty();
    }

    @Test
    void dueOneIntervalAfterCaptureUntilTheLeadIsReached() {
        Plan plan = Cadence.DEFAULTS.plan(Grade.A, CAPTURED, null);
        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-05T02:05:00Z"));
        assertThat(plan.windowEndsAt()).isEqualTo(Instant.parse("2026-11-17T02:05:00Z"));
        assertThat(plan.longOverdueAt()).isEqualTo(Instant.parse("2026-11-11T02:05:00Z"));
    }

    @Test
    void dueOneIntervalAfterTheLastReachedFollowUp() {
        Instant reached = Instant.parse("2026-11-04T09:00:00Z");
        assertThat(Cadence.DEFAULTS.plan(Grade.H, CAPTURED, reached).dueAt()).isEqualTo(Instant.parse("2026-11-05T09:00:00Z"));
        assertThat(Cadence.DEFAULTS.plan(Grade.H, CAPTURED, reached).windowEndsAt())
                .isEqualTo(Instant.parse("2026-11-09T02:05:00Z"));
    }

    @Test
    void anUngradedLeadIsFollowedLikeGradeC() {
        assertThat(Cadence.DEFAULTS.plan(null, CAPTURED, null)).isEqualTo(Cadence.DEFAULTS.plan(Grade.C, CAPTURED, null));
    }

    @Test
    void everyGradeNeedsPositiveDaysAndAWindowNoShorterThanItsInterval() {
        Map<Grade, GradeCadence> proposed = new HashMap<>(Cadence.DEFAULTS.grades());
        proposed.put(Grade.H, new GradeCadence(0, 7));
        proposed.put(Grade.A, new GradeCadence(5, 4));
        proposed.remove(Grade.C);
        assertThat(Cadence.violations(proposed)).extracting(Violation::field)
                .containsExactly("grades.H.intervalDays", "grades.A.windowDays", "grades.C");
    }

    @Test
    void aWindowEqualToTheIntervalIsAccepted() {
        Map<Grade, GradeCadence> proposed = new HashMap<>(Cadence.DEFAULTS.grades());
        proposed.put(Grade.B, new GradeCadence(10, 10));
        assertThat(Cadence.violations(proposed)).isEmpty();
    }
}
