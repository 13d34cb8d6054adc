package com.dealerradar.analytics.finding.domain;

/**
 * What came of a finding. VISITED, LEAD_CREATED and WON are steps forward, in that order; WON and
 * DROPPED end it.
 */
public enum Outcome {
    VISITED,
    LEAD_CREATED,
    WON,
    DROPPED;

    /** The state a finding is in once this is its latest outcome. */
    public FindingState state() {
        return FindingState.valueOf(name());
    }
}
