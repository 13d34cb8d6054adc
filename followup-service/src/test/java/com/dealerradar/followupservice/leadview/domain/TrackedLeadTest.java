package com.dealerradar.followupservice.leadview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.cadence.domain.GradeCadence;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackedLeadTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-02T02:00:00Z");
    private static final Cadence CADENCE = Cadence.DEFAULTS;

    private final TrackedLead lead = TrackedLead.captured("L-1", "D-1", "Chifeng", Grade.A, CAPTURED, 1, CADENCE);

    @Test
    void aReachedFollowUpMovesTheDueTimeAndIsTheFirstResponse() {
        Instant at = CAPTURED.plus(Duration.ofMinutes(45));
        TrackedLead.Recorded recorded = lead.recorded("F-1", at, true, CADENCE).orElseThrow();
        assertThat(recorded.firstResponseMinutes()).isEqualTo(45);
        assertThat(recorded.lead().lastReachedAt()).isEqualTo(at);
        assertThat(recorded.lead().plan().dueAt()).isEqualTo(at.plus(Duration.ofDays(3)));
        assertThat(recorded.lead().eventSequence()).isEqualTo(1);

        TrackedLead.Recorded second = recorded.lead().recorded("F-2", at.plus(Duration.ofDays(1)), true, CADENCE)
                .orElseThrow();
        assertThat(second.firstResponseMinutes()).isNull();
        assertThat(second.lead().plan().dueAt()).isEqualTo(at.plus(Duration.ofDays(4)));
    }

    @Test
    void aFollowUpThatDidNotReachTheLeadLeavesTheDueTimeAlone() {
        TrackedLead.Recorded recorded = lead.recorded("F-1", CAPTURED.plusSeconds(60), false, CADENCE).orElseThrow();
        assertThat(recorded.firstResponseMinutes()).isNull();
        assertThat(recorded.lead().plan()).isEqualTo(lead.plan());
        assertThat(recorded.lead().lastReachedAt()).isNull();
        assertThat(recorded.lead().eventSequence()).isEqualTo(1);
    }

    @Test
    void aFollowUpCountsOnce() {
        TrackedLead after = lead.recorded("F-1", CAPTURED.plusSeconds(60), true, CADENCE).orElseThrow().lead();
        assertThat(after.recorded("F-1", CAPTURED.plusSeconds(60), true, CADENCE)).isEmpty();
    }

    @Test
    void aLateReportedEarlierFollowUpBecomesTheFirstResponseButDoesNotMoveTheDueTime() {
        TrackedLead after = lead.recorded("F-2", CAPTURED.plus(Duration.ofHours(5)), true, CADENCE).orElseThrow().lead();
        TrackedLead.Recorded earlier = after.recorded("F-1", CAPTURED.plus(Duration.ofHours(1)), true, CADENCE)
                .orElseThrow();
        assertThat(earlier.firstResponseMinutes()).isEqualTo(60);
        assertThat(earlier.lead().plan()).isEqualTo(after.plan());
    }

    @Test
    void theDetectorIsToldOfWhatIsStillToAnnounceAndToLookAtEveryThreshold() {
        Plan plan = lead.plan();
        assertThat(lead.alertTimes()).containsExactlyInAnyOrder(plan.dueAt(), plan.windowEndsAt(), plan.longOverdueAt());

        Instant late = plan.longOverdueAt().plusSeconds(1);
        TrackedLead announced = lead.overdueToAnnounce(late).orElseThrow()
                .atRiskToAnnounce(AtRiskReason.LONG_OVERDUE, late).orElseThrow();
        assertThat(announced.alertTimes()).containsExactly(plan.windowEndsAt());
        assertThat(announced.lookTimes()).containsExactlyInAnyOrder(plan.windowEndsAt(), plan.longOverdueAt());

        TrackedLead won = announced.statusChanged(LeadStatus.WON, 2).orElseThrow();
        assertThat(won.alertTimes()).isEmpty();
        assertThat(won.lookTimes()).isEmpty();
    }

    @Test
    void anOverdueEpisodeIsAnnouncedOnceAndEndsWhenTheLeadIsReached() {
        Instant late = lead.plan().dueAt().plusSeconds(1);
        assertThat(lead.overdueToAnnounce(lead.plan().dueAt().minusSeconds(1))).isEmpty();
        TrackedLead announced = lead.overdueToAnnounce(late).orElseThrow();
        assertThat(announced.overdueToAnnounce(late.plusSeconds(3600))).isEmpty();

        TrackedLead reached = announced.recorded("F-1", late, true, CADENCE).orElseThrow().lead();
        assertThat(reached.overdueToAnnounce(late.plus(Duration.ofDays(3)).minusSeconds(1))).isEmpty();
        assertThat(reached.overdueToAnnounce(late.plus(Duration.ofDays(3)).plusSeconds(1))).isPresent();
    }

    @Test
    void aFollowUpThatDidNotReachTheLeadDoesNotEndTheEpisode() {
        Instant late = lead.plan().dueAt().plusSeconds(1);
        TrackedLead announced = lead.overdueToAnnounce(late).orElseThrow();
        TrackedLead tried = announced.recorded("F-1", late, false, CADENCE).orElseThrow().lead();
        assertThat(tried.overdueToAnnounce(late.plusSeconds(60))).isEmpty();
    }

    @Test
    void aGradeChangeReplansAtOnceAndStartsANewEpisode() {
        Instant late = lead.plan().dueAt().plusSeconds(1);
        TrackedLead announced = lead.overdueToAnnounce(late).orElseThrow();
        TrackedLead regraded = announced.graded(Grade.H, 2, CADENCE).orElseThrow();
        assertThat(regraded.plan().dueAt()).isEqualTo(CAPTURED.plus(Duration.ofDays(1)));
        assertThat(regraded.overdueToAnnounce(late)).isPresent();
    }

    @Test
    void aStaleOrRepeatedLeadEventChangesNothing() {
        TrackedLead regraded = lead.graded(Grade.B, 2, CADENCE).orElseThrow();
        assertThat(regraded.graded(Grade.H, 2, CADENCE)).isEmpty();
        assertThat(regraded.statusChanged(LeadStatus.WON, 1)).isEmpty();
        assertThat(regraded.statusChanged(LeadStatus.WON, 3)).map(TrackedLead::status).contains(LeadStatus.WON);
    }

    @Test
    void onlyOpenLeadsAreAnnounced() {
        TrackedLead won = lead.statusChanged(LeadStatus.WON, 2).orElseThrow();
        Instant muchLater = CAPTURED.plus(Duration.ofDays(100));
        assertThat(won.overdueToAnnounce(muchLater)).isEmpty();
        assertThat(won.atRiskToAnnounce(AtRiskReason.WINDOW_PASSED, muchLater)).isEmpty();
        assertThat(won.atRiskReasons(muchLater)).isEmpty();
    }

    @Test
    void longOverdueAfterTwiceTheIntervalPastTheDueTimeAndWindowPassedAfterTheWindow() {
        Instant due = lead.plan().dueAt();
        assertThat(lead.atRiskReasons(due.plus(Duration.ofDays(6)))).isEmpty();
        assertThat(lead.atRiskReasons(due.plus(Duration.ofDays(6)).plusSeconds(1)))
                .containsExactly(AtRiskReason.LONG_OVERDUE);
        assertThat(lead.atRiskReasons(CAPTURED.plus(Duration.ofDays(15)).plusSeconds(1)))
                .containsExactly(AtRiskReason.WINDOW_PASSED, AtRiskReason.LONG_OVERDUE);
    }

    @Test
    void eachAtRiskReasonIsAnnouncedOncePerLead() {
        Instant late = CAPTURED.plus(Duration.ofDays(10));
        TrackedLead announced = lead.atRiskToAnnounce(AtRiskReason.LONG_OVERDUE, late).orElseThrow();
        assertThat(announced.atRiskToAnnounce(AtRiskReason.LONG_OVERDUE, late)).isEmpty();
        TrackedLead reachedAndLateAgain = announced.recorded("F-1", late, true, CADENCE).orElseThrow().lead();
        assertThat(reachedAndLateAgain.atRiskToAnnounce(AtRiskReason.LONG_OVERDUE, late.plus(Duration.ofDays(30))))
                .isEmpty();
        assertThat(reachedAndLateAgain.atRiskToAnnounce(AtRiskReason.WINDOW_PASSED, late.plus(Duration.ofDays(30))))
                .isPresent();
    }

    @Test
    void aNewCadenceReplansLeadsPlannedUnderAnOlderOneButKeepsTheEpisode() {
        Instant late = lead.plan().dueAt().plusSeconds(1);
        TrackedLead announced = lead.overdueToAnnounce(late).orElseThrow();
        Cadence slower = new Cadence(1, Map.of(Grade.H, new GradeCadence(1, 7), Grade.A, new GradeCadence(10, 20),
                Grade.B, new GradeCadence(7, 30), Grade.C, new GradeCadence(14, 90)));
        TrackedLead replanned = announced.replanned(slower).orElseThrow();
        assertThat(replanned.plan().dueAt()).isEqualTo(CAPTURED.plus(Duration.ofDays(10)));
        assertThat(replanned.plan().cadenceRevision()).isEqualTo(1);
        assertThat(replanned.overdueNotified()).isTrue();
        assertThat(replanned.replanned(slower)).isEmpty();
    }
}
