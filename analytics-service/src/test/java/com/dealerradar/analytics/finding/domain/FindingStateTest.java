package com.dealerradar.analytics.finding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingStateTest {

    @Test
    void anOpenFindingTakesAnyOutcome() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(FindingState.OPEN.allows(outcome)).as(outcome.name()).isTrue();
        }
    }

    @Test
    void outcomesOnlyMoveForwardAndMaySkipAStepOrDrop() {
        assertThat(FindingState.VISITED.allows(Outcome.VISITED)).isFalse();
        assertThat(FindingState.VISITED.allows(Outcome.LEAD_CREATED)).isTrue();
        assertThat(FindingState.VISITED.allows(Outcome.WON)).isTrue();
        assertThat(FindingState.VISITED.allows(Outcome.DROPPED)).isTrue();
        assertThat(FindingState.LEAD_CREATED.allows(Outcome.VISITED)).isFalse();
        assertThat(FindingState.LEAD_CREATED.allows(Outcome.LEAD_CREATED)).isFalse();
        assertThat(FindingState.LEAD_CREATED.allows(Outcome.WON)).isTrue();
        assertThat(FindingState.LEAD_CREATED.allows(Outcome.DROPPED)).isTrue();
    }

    @Test
    void wonAndDroppedAreFinal() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(FindingState.WON.allows(outcome)).as(outcome.name()).isFalse();
            assertThat(FindingState.DROPPED.allows(outcome)).as(outcome.name()).isFalse();
        }
        assertThat(FindingState.WON.closed()).isTrue();
        assertThat(FindingState.DROPPED.closed()).isTrue();
        assertThat(FindingState.LEAD_CREATED.closed()).isFalse();
    }

    @Test
    void aStateOnceLeftIsNeverReachedAgain() {
        assertThat(FindingState.OPEN.canReach(FindingState.WON)).isTrue();
        assertThat(FindingState.VISITED.canReach(FindingState.VISITED)).isTrue();
        assertThat(FindingState.VISITED.canReach(FindingState.OPEN)).isFalse();
        assertThat(FindingState.LEAD_CREATED.canReach(FindingState.VISITED)).isFalse();
        assertThat(FindingState.LEAD_CREATED.canReach(FindingState.DROPPED)).isTrue();
        assertThat(FindingState.DROPPED.canReach(FindingState.WON)).isFalse();
        assertThat(FindingState.WON.canReach(FindingState.DROPPED)).isFalse();
    }
}
