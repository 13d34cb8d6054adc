package com.dealerradar.defeatservice.leadview.domain;

import java.util.EnumSet;
import java.util.Set;

/** A lead's status as lead-service publishes it; WON and INVALID are final. */
public enum LeadStatus {
    OPEN, WON, INVALID, AT_RISK, DEFEATED;

    /** A consultant may report a loss on any lead that was neither won nor closed as invalid. */
    public static Set<LeadStatus> acceptingReports() {
        return EnumSet.of(OPEN, AT_RISK, DEFEATED);
    }

    /** A long-unconverted case only makes sense for a lead that is still a prospect. */
    public static Set<LeadStatus> acceptingAtRiskCases() {
        return EnumSet.of(OPEN, AT_RISK);
    }
}
