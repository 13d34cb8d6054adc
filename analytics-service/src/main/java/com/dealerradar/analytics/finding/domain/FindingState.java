package com.dealerradar.analytics.finding.domain;

/**
 * Where an assigned finding stands: OPEN until its first outcome, then its latest outcome's. An
 * outcome moves it forward only (OPEN → VISITED → LEAD_CREATED → WON, steps may be skipped), or drops
 * it; WON and DROPPED are final.
 */
public enum FindingState {
    OPEN(0),
    VISITED(1),
    LEAD_CREATED(2),
    WON(3),
    DROPPED(4);

    private final int step;

    FindingState(int step) {
        this.step = step;
    }

    public boolean closed() {
        return this == WON || this == DROPPED;
    }

    /** Can a finding in this state ever come to be in {@code later}? Once it cannot, it never can again. */
    public boolean canReach(FindingState later) {
        return later == this || (later != OPEN && allows(Outcome.valueOf(later.name())));
    }

    /** May a finding in this state take {@code outcome} next? */
    public boolean allows(Outcome outcome) {
        if (closed()) {
            return false;
        }
        return outcome == Outcome.DROPPED || outcome.state().step > step;
    }
}
