package com.dealerradar.followupservice.followup.domain;

/** Where a follow-up stands with respect to its lead. */
public enum FollowUpState {
    /** Stored and being counted for its lead; a retry or the completion sweep finishes what a crash interrupted. */
    RECORDING,
    /** Counted for its lead. */
    RECORDED,
    /** Accepted before followup-service had seen its lead; checked and counted when the lead's capture arrives. */
    AWAITING_LEAD,
    /** Accepted while its lead was unknown, then found not to belong to the dealer that posted it. */
    REJECTED
}
