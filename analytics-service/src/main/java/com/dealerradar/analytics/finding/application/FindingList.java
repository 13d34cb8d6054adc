package com.dealerradar.analytics.finding.application;

/** The findings of one owner dealer, of one region, or (both null) of the whole group. */
public record FindingList(String dealerId, String region) {

    public static final FindingList GROUP = new FindingList(null, null);
}
