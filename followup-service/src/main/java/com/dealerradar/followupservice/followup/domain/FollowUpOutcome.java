package com.dealerradar.followupservice.followup.domain;

public enum FollowUpOutcome {
    REACHED, NOT_REACHED, APPOINTMENT_SET, VISITED, TEST_DRIVEN, DECLINED;

    /** Every outcome but NOT_REACHED means the lead was reached, a refusal included. */
    public boolean reachedTheLead() {
        return this != NOT_REACHED;
    }
}
