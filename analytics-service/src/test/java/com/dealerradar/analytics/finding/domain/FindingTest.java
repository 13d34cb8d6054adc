package com.dealerradar.analytics.finding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-11-29T15:00:00+08:00");
    private static final FindingSubject JUSTICE = FindingSubject.missedProspect("Chifeng", "industry", "JUSTICE");
    private static final String JUSTICE_ID = FindingId.missedProspect("Chifeng", "industry", "JUSTICE");
    private static final Owner DEALER = new Owner("D-CH-01", null);

    private static Finding assigned() {
        return Finding.assign(JUSTICE_ID, new NewAssignment(JUSTICE, DEALER, LocalDate.of(2026, 12, 15), "court first"),
                NOW, "k-hq");
    }

    private static NewOutcome outcome(Outcome outcome, String ref) {
        return new NewOutcome(outcome, EARLIER, null, outcome == Outcome.DROPPED ? "no budget" : null, ref);
    }

    private static List<String> fields(Runnable command) {
        try {
            command.run();
        } catch (InvalidCommand e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("the command was accepted");
    }

    @Test
    void aFirstAssignmentIsOpenAtVersionOne() {
        Finding finding = assigned();
        assertThat(finding.state()).isEqualTo(FindingState.OPEN);
        assertThat(finding.version()).isEqualTo(1);
        assertThat(finding.firstAssignedAt()).isEqualTo(NOW);
        assertThat(finding.regions()).containsExactly("Chifeng");
        assertThat(finding.latestOutcome()).isEmpty();
    }

    @Test
    void theDescriptionMustBeTheFindingTheIdNames() {
        NewAssignment other = new NewAssignment(FindingSubject.missedProspect("Chifeng", "industry", "POWER_UTILITY"),
                DEALER, LocalDate.of(2026, 12, 15), null);
        assertThat(fields(() -> Finding.assign(JUSTICE_ID, other, NOW, "k"))).containsExactly("finding");
    }

    @Test
    void everyBrokenFieldIsNamed() {
        NewAssignment broken = new NewAssignment(new FindingSubject(FindingKind.MISSED_PROSPECT, " ", "channel",
                "JUSTICE", null, null, List.of("Hohhot")), new Owner("D-CH-01", "Wang Li"), null, "x".repeat(2001));
        assertThat(fields(() -> Finding.assign(JUSTICE_ID, broken, NOW, "k"))).containsExactly("finding.region",
                "finding.dimension", "finding.regions", "owner", "dueDate", "note");
        NewAssignment wave = new NewAssignment(FindingSubject.wave("POWER_UTILITY", null, List.of("Chifeng", "")),
                new Owner(null, "n".repeat(101)), LocalDate.of(2026, 12, 1), null);
        assertThat(fields(() -> Finding.assign("wv-x", wave, NOW, "k"))).containsExactly("finding.opensOn",
                "finding.regions[1]", "owner.name");
        assertThat(fields(() -> Finding.assign(JUSTICE_ID, new NewAssignment(null, null, null, null), NOW, "k")))
                .containsExactly("finding", "owner", "dueDate");
    }

    @Test
    void reassigningReplacesTheAssignmentAndKeepsTheReplacedOnesBounded() {
        Finding finding = assigned();
        for (int day = 1; day <= Finding.PREVIOUS_ASSIGNMENTS + 3; day++) {
            finding = finding.reassign(new NewAssignment(JUSTICE, new Owner(null, "person " + day),
                    LocalDate.of(2026, 12, day), null), NOW.plusSeconds(day), "k-rm");
        }
        assertThat(finding.assignment().owner().name()).isEqualTo("person 13");
        assertThat(finding.previousAssignments()).hasSize(Finding.PREVIOUS_ASSIGNMENTS);
        assertThat(finding.previousAssignments().get(0).owner().name()).isEqualTo("person 12");
        assertThat(finding.earlierAssignments()).isEqualTo(3);
        assertThat(finding.firstAssignedAt()).isEqualTo(NOW);
        assertThat(finding.version()).isEqualTo(14);
    }

    @Test
    void theSameAssignmentAgainChangesNothing() {
        Finding finding = assigned();
        assertThat(finding.reassign(new NewAssignment(JUSTICE, DEALER, LocalDate.of(2026, 12, 15), "court first"),
                NOW.plusSeconds(60), "k-hq")).isSameAs(finding);
    }

    @Test
    void aWaveOnlyGrows() {
        LocalDate opensOn = LocalDate.of(2026, 11, 20);
        String id = FindingId.wave("POWER_UTILITY", opensOn);
        Finding wave = Finding.assign(id, new NewAssignment(FindingSubject.wave("POWER_UTILITY", opensOn,
                List.of("Ulanqab", "Chifeng", "Chifeng")), DEALER, LocalDate.of(2026, 12, 20), null), NOW, "k");
        assertThat(wave.regions()).containsExactly("Chifeng", "Ulanqab");
        Finding grown = wave.reassign(new NewAssignment(FindingSubject.wave("POWER_UTILITY", opensOn,
                List.of("Hinggan")), DEALER, LocalDate.of(2026, 12, 20), null), NOW, "k");
        assertThat(grown.regions()).containsExactly("Chifeng", "Hinggan", "Ulanqab");
    }

    @Test
    void outcomesMoveForwardAndAClosedFindingTakesNoMore() {
        Finding finding = assigned().record(outcome(Outcome.VISITED, "v-1"), NOW, "k-dealer");
        assertThat(finding.state()).isEqualTo(FindingState.VISITED);
        Finding visited = finding;
        assertThatThrownBy(() -> visited.record(outcome(Outcome.VISITED, "v-2"), NOW, "k"))
                .isInstanceOf(FindingConflict.class);
        finding = finding.record(new NewOutcome(Outcome.LEAD_CREATED, EARLIER, "lead-1", null, null), NOW, "k");
        finding = finding.record(outcome(Outcome.WON, null), NOW, "k");
        assertThat(finding.state()).isEqualTo(FindingState.WON);
        assertThat(finding.outcomes()).extracting(RecordedOutcome::outcome)
                .containsExactly(Outcome.VISITED, Outcome.LEAD_CREATED, Outcome.WON);
        Finding won = finding;
        assertThatThrownBy(() -> won.record(outcome(Outcome.DROPPED, null), NOW, "k"))
                .isInstanceOf(FindingConflict.class);
        assertThatThrownBy(() -> won.reassign(new NewAssignment(JUSTICE, new Owner(null, "someone else"),
                LocalDate.of(2027, 1, 1), null), NOW, "k")).isInstanceOf(FindingConflict.class);
    }

    @Test
    void anOutcomeRetriedWithItsRefChangesNothingAndTheRefWithOtherContentConflicts() {
        Finding visited = assigned().record(outcome(Outcome.VISITED, "v-1"), NOW, "k");
        assertThat(visited.record(outcome(Outcome.VISITED, "v-1"), NOW.plusSeconds(5), "k")).isSameAs(visited);
        Finding won = visited.record(outcome(Outcome.WON, "w-1"), NOW, "k");
        assertThat(won.record(outcome(Outcome.VISITED, "v-1"), NOW, "k")).isSameAs(won);
        assertThatThrownBy(() -> won.record(outcome(Outcome.DROPPED, "v-1"), NOW, "k"))
                .isInstanceOf(FindingConflict.class).hasMessageContaining("v-1");
    }

    @Test
    void anOutcomeSaysWhatItsKindNeeds() {
        Finding finding = assigned();
        assertThat(fields(() -> finding.record(new NewOutcome(Outcome.DROPPED, EARLIER, null, null, null), NOW, "k")))
                .containsExactly("reason");
        assertThat(fields(() -> finding.record(new NewOutcome(Outcome.VISITED, EARLIER, "lead-1", "why", null), NOW,
                "k"))).containsExactly("leadId", "reason");
        assertThat(fields(() -> finding.record(new NewOutcome(null, null, null, null, "r".repeat(129)), NOW, "k")))
                .containsExactly("outcome", "at", "externalRef");
        assertThat(fields(() -> finding.record(new NewOutcome(Outcome.WON, OffsetDateTime.parse(
                "2026-11-30T11:00:00+08:00"), null, null, null), NOW, "k"))).containsExactly("at");
    }

    @Test
    void overdueIsOpenPastItsDueDate() {
        Finding finding = assigned();
        assertThat(finding.overdue(LocalDate.of(2026, 12, 15))).isFalse();
        assertThat(finding.overdue(LocalDate.of(2026, 12, 16))).isTrue();
        assertThat(finding.record(outcome(Outcome.VISITED, null), NOW, "k").overdue(LocalDate.of(2026, 12, 16)))
                .isFalse();
    }
}
