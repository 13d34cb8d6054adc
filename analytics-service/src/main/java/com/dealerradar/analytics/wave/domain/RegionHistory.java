package com.dealerradar.analytics.wave.domain;

/** What one region had from an industry in the past years: its leads and its deals. */
public record RegionHistory(String region, long leads, long won) {

    /** The industry's organizations are known there: it has had their leads or their deals before. */
    public boolean knowsIndustry() {
        return leads > 0 || won > 0;
    }
}
