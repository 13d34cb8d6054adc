package com.dealerradar.followupservice.leadview.domain;

/** The lead's status as lead-service publishes it. */
public enum LeadStatus {
    OPEN, WON, INVALID, AT_RISK, DEFEATED;

    /** A won or invalid lead takes no more follow-ups. */
    public boolean isFinal() {
        return this == WON || this == INVALID;
    }
}
