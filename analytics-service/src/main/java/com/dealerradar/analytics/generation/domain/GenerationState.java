package com.dealerradar.analytics.generation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which generation of the read model serves ({@code active}) and which one a rebuild is building, if
 * any. One small document holds it; every change is one write of it at the version that was read.
 * A rebuild keeps a heartbeat while it runs; one whose heartbeat is older than the lease has stopped
 * (its instance died), and another rebuild may take its place.
 */
public record GenerationState(String active, String building, Instant heartbeat, long version) {

    public GenerationState {
        Objects.requireNonNull(active, "active");
    }

    /** Before any rebuild: the first generation, under the plain collection names. */
    public static GenerationState first(String firstGeneration) {
        return new GenerationState(firstGeneration, null, null, 0);
    }

    /** Whether a rebuild holds the lease at {@code now}. */
    public boolean rebuilding(Instant now, Duration lease) {
        return building != null && heartbeat != null && heartbeat.plus(lease).isAfter(now);
    }

    /** A generation a stopped rebuild left behind, to be dropped by the one taking its place; null when none. */
    public String abandonedBuild(Instant now, Duration lease) {
        return building != null && !rebuilding(now, lease) ? building : null;
    }

    /** Starts building {@code generation}; refused while another rebuild holds the lease. */
    public GenerationState startBuilding(String generation, Instant now, Duration lease) {
        if (rebuilding(now, lease)) {
            throw new IllegalStateException("generation " + building + " is being built");
        }
        return new GenerationState(active, generation, now, version + 1);
    }

    /** The rebuild of {@code generation} is still running at {@code now}. */
    public GenerationState heartbeat(String generation, Instant now) {
        requireBuilding(generation);
        return new GenerationState(active, building, now, version + 1);
    }

    /** {@code generation} has caught up: it serves from now on, and nothing is being built. */
    public GenerationState switchTo(String generation) {
        requireBuilding(generation);
        return new GenerationState(generation, null, null, version + 1);
    }

    /** The rebuild of {@code generation} failed: the active generation stays, nothing is being built. */
    public GenerationState abandon(String generation) {
        requireBuilding(generation);
        return new GenerationState(active, null, null, version + 1);
    }

    public boolean isBuilding(String generation) {
        return generation.equals(building);
    }

    private void requireBuilding(String generation) {
        if (!isBuilding(generation)) {
            throw new IllegalStateException("generation " + generation + " is no longer being built (now "
                    + building + ", active " + active + ")");
        }
    }
}
