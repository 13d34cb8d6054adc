package com.dealerradar.followupservice.leadview.domain;

/** Why an open lead is put before the sales manager as at risk of being lost. */
public enum AtRiskReason {
    /** Past its grade's purchase window without a deal. */
    WINDOW_PASSED,
    /** Overdue by more than twice its grade's interval. */
    LONG_OVERDUE
}
