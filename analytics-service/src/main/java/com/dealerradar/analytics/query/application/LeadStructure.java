package com.dealerradar.analytics.query.application;

/**
 * Where the leads of a cohort stand (domain.md, "Lead structure and what it costs"). Lost sales
 * reported but not yet confirmed stay potential and are shown apart as pending.
 */
public record LeadStructure(long captured, long invalid, long won, long atRisk, long defeatedConfirmed,
        long pendingDefeats) {

    public long leads() {
        return captured - invalid;
    }

    public long defeated() {
        return atRisk + defeatedConfirmed;
    }

    public long potential() {
        return leads() - won - defeated();
    }
}
