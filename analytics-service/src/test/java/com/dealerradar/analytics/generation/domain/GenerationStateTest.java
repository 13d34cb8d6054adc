package com.dealerradar.analytics.generation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenerationStateTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aRebuildSwitchesToItsGenerationAndEachStepIsANewVersion() {
        GenerationState first = GenerationState.first("");
        GenerationState building = first.startBuilding("g1", NOW, LEASE);
        GenerationState switched = building.heartbeat("g1", NOW.plusSeconds(10)).switchTo("g1");

        assertThat(building.active()).isEmpty();
        assertThat(building.rebuilding(NOW.plusSeconds(59), LEASE)).isTrue();
        assertThat(switched.active()).isEqualTo("g1");
        assertThat(switched.building()).isNull();
        assertThat(switched.rebuilding(NOW, LEASE)).isFalse();
        assertThat(switched.version()).isEqualTo(3);
    }

    @Test
    void aSecondRebuildIsRefusedWhileTheFirstHoldsTheLease() {
        GenerationState building = GenerationState.first("").startBuilding("g1", NOW, LEASE)
                .heartbeat("g1", NOW.plusSeconds(50));

        assertThatThrownBy(() -> building.startBuilding("g2", NOW.plusSeconds(100), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(building.abandonedBuild(NOW.plusSeconds(100), LEASE)).isNull();
    }

    @Test
    void aRebuildWhoseHeartbeatStoppedIsTakenOverAndItsGenerationNamedForDropping() {
        GenerationState stale = GenerationState.first("").startBuilding("g1", NOW, LEASE);
        Instant later = NOW.plus(LEASE);

        assertThat(stale.abandonedBuild(later, LEASE)).isEqualTo("g1");
        GenerationState next = stale.startBuilding("g2", later, LEASE);
        assertThat(next.building()).isEqualTo("g2");
        assertThatThrownBy(() -> next.switchTo("g1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> next.heartbeat("g1", later)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedRebuildLeavesTheActiveGeneration() {
        GenerationState abandoned = GenerationState.first("g0").startBuilding("g1", NOW, LEASE).abandon("g1");

        assertThat(abandoned.active()).isEqualTo("g0");
        assertThat(abandoned.building()).isNull();
        assertThat(abandoned.startBuilding("g2", NOW, LEASE).building()).isEqualTo("g2");
    }
}
